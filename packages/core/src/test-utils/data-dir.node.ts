import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/**
 * The real-world corpora (`../shared/data` beside the repo, or `HEADROOM_DATA_DIR`), or undefined
 * on a fresh clone without them — tests that need them skip and say why.
 */
export const dataDir: string | undefined = (() => {
  const dir = process.env.HEADROOM_DATA_DIR ?? join(repoRoot, '..', 'shared', 'data');
  return existsSync(dir) ? dir : undefined;
})();

/** The reason printed in the name of tests skipped for lack of data. */
export const noDataReason =
  'skipped: real-world corpora not found (set HEADROOM_DATA_DIR or place shared/data beside the repo)';

/** Path inside the data dir; only call when `dataDir` is defined. */
export function dataPath(...parts: string[]): string {
  if (!dataDir) throw new Error(noDataReason);
  return join(dataDir, ...parts);
}
