import { readFileSync } from 'node:fs';

/** The installed `headroom-ai` version, read from its package.json (`src/cli` and `dist/cli` both sit two levels down). */
export function cliVersion(): string {
  const manifest = JSON.parse(
    readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
  ) as { version: string };
  return manifest.version;
}
