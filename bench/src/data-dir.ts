import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** The repository root (where BENCHMARKS.md goes); the same from `src/` under vitest and from `dist/`. */
export const benchRepoRoot = repoRoot;

/** The real-world corpora: `HEADROOM_DATA_DIR`, else `../shared/data` beside the repo; undefined when absent. */
export function findDataDir(): string | undefined {
  const dir = process.env.HEADROOM_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');
  return existsSync(join(dir, 'logs')) && existsSync(join(dir, 'code')) ? dir : undefined;
}

/** Why data-dependent tests skip, printed in their names. */
export const noDataReason =
  'skipped: shared/data corpora not found (set HEADROOM_DATA_DIR or place shared/data beside the repo)';

/** The data dir, or an error that says what is missing and how to point the bench at it. */
export function requireDataDir(): string {
  const dir = findDataDir();
  if (dir) return dir;
  const tried = process.env.HEADROOM_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');
  throw new Error(
    `The bench needs the real-world corpora (logs/ and code/) but found none at ${tried}. ` +
      'Set HEADROOM_DATA_DIR to the directory that holds logs/ and code/.',
  );
}
