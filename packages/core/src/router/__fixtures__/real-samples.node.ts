import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Build and test-runner output captured from real tools (see `build/README.md`). */
export const buildOutputDir = join(here, 'build');

/** Files under a directory, recursively, in a stable order, that pass `keep`. */
export function filesUnder(dir: string, keep: (path: string) => boolean): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path, keep));
    else if (keep(path)) out.push(path);
  }
  return out;
}

/** Every `step` entry of a list, so a corpus test samples files across the whole tree. */
export function everyNth<T>(items: readonly T[], step: number): T[] {
  return items.filter((_, index) => index % step === 0);
}

/** One text of the routing corpus (`corpus/manifest.json`): what it is, where it came from, what it must route to. */
export interface CorpusEntry {
  file: string;
  expected: 'diff' | 'log' | 'search' | 'table' | 'text';
  origin: string;
  text: string;
}

/** Logs real programs wrote on this machine, logs written from format descriptions, and non-log controls. */
export function routingCorpus(): CorpusEntry[] {
  const dir = join(here, 'corpus');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Array<Omit<CorpusEntry, 'text'>>;
  return manifest.map((entry) => ({ ...entry, text: readFileSync(join(dir, entry.file), 'utf8') }));
}
