import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
/** pnpm's store of every installed package version: `node_modules/.pnpm/<name>@<version>…/node_modules/<name>`. */
const pnpmStore = resolve(here, '../../../../node_modules/.pnpm');

/**
 * Directory of an installed npm package, so tests read real published files without copying them.
 * Without a version: the one Node resolves from core (its nearest `node_modules/<name>`), else the
 * first version in pnpm's store (packages other workspace packages install, e.g. `ai`). With a
 * version: that version from the store (two releases of one package make a real upgrade diff).
 */
export function installedPackageDir(name: string, version?: string): string {
  if (version === undefined) {
    for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) {
      const candidate = join(dir, 'node_modules', name);
      if (existsSync(join(candidate, 'package.json'))) return candidate;
    }
  }
  const prefix = `${name.replace('/', '+')}@${version ?? ''}`;
  const entries = existsSync(pnpmStore)
    ? readdirSync(pnpmStore)
        .filter((entry) =>
          version === undefined
            ? entry.startsWith(prefix)
            : entry === prefix || entry.startsWith(`${prefix}_`),
        )
        .sort()
    : [];
  for (const entry of entries) {
    const candidate = join(pnpmStore, entry, 'node_modules', name);
    if (existsSync(candidate)) return candidate;
  }
  throw new Error(
    `${name}${version ? `@${version}` : ''} is not installed (looked in ${pnpmStore})`,
  );
}

/** Path of a file shipped inside an installed npm package (a README, a licence, docs, sources). */
export function installedPath(name: string, file: string): string {
  const path = join(installedPackageDir(name), file);
  if (!existsSync(path)) throw new Error(`${name}/${file} is not installed`);
  return path;
}

/** Text of a file shipped inside an installed npm package. */
export function readInstalled(name: string, file: string): string {
  return readFileSync(installedPath(name, file), 'utf8');
}
