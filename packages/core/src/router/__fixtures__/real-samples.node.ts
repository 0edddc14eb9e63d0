import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const pnpmDir = resolve(here, '../../../../../node_modules/.pnpm');

/** Build and test-runner output captured from real tools (see `build/README.md`). */
export const buildOutputDir = join(here, 'build');

/**
 * A file inside an installed npm package, found in the pnpm store by package name (any version), so
 * tests read real published files without pinning versions. Throws with the path it looked for.
 */
export function installedPath(packageName: string, relativePath: string): string {
  const prefix = `${packageName.replace('/', '+')}@`;
  const dirs = existsSync(pnpmDir) ? readdirSync(pnpmDir).filter((dir) => dir.startsWith(prefix)).sort() : [];
  for (const dir of dirs) {
    const path = join(pnpmDir, dir, 'node_modules', packageName, relativePath);
    if (existsSync(path)) return path;
  }
  throw new Error(`installed file not found: ${packageName}/${relativePath} under ${pnpmDir}`);
}

/** Reads a file of an installed npm package. */
export function readInstalled(packageName: string, relativePath: string): string {
  return readFileSync(installedPath(packageName, relativePath), 'utf8');
}

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
  expected: 'log' | 'search' | 'text';
  origin: string;
  text: string;
}

/** Logs real programs wrote on this machine, logs written from format descriptions, and non-log controls. */
export function routingCorpus(): CorpusEntry[] {
  const dir = join(here, 'corpus');
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Array<Omit<CorpusEntry, 'text'>>;
  return manifest.map((entry) => ({ ...entry, text: readFileSync(join(dir, entry.file), 'utf8') }));
}
