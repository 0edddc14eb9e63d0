import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Path of a file shipped inside an installed npm package (a README, a licence, docs), found the way Node
 * resolves packages: the nearest `node_modules/<name>` up from core. Works for packages whose `exports` hide it.
 */
export function packageFile(name: string, file: string): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name, file);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name}/${file} is not installed`);
  }
}
