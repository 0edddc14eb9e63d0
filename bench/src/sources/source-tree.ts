import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { byCodeUnit } from '../order.js';

/** One of the real projects under `code/<language>/<project>/`, with the upstream it came from. */
export interface SourceProject {
  /** Absolute directory of the project. */
  root: string;
  /** `language/project`, e.g. `java/gson`. */
  id: string;
  /** `owner/name` on GitHub, from the project's SOURCE file. */
  repository: string;
  commit: string;
}

/** Reads `code/<id>/SOURCE` (`source: https://github.com/owner/name @ sha`). */
export function sourceProject(dataDir: string, id: string): SourceProject {
  const root = join(dataDir, 'code', id);
  const source = readFileSync(join(root, 'SOURCE'), 'utf8');
  const match = /github\.com\/([^/\s]+\/[^/\s]+)\s*@\s*([0-9a-f]{40})/.exec(source);
  if (!match)
    throw new Error(`${join(root, 'SOURCE')} does not name a GitHub repository and commit`);
  return { root, id, repository: match[1] as string, commit: match[2] as string };
}

/** Every file under `root`, as POSIX paths relative to it, in code-unit order (stable across machines). */
export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort(byCodeUnit)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(root, full).split('\\').join('/'));
    }
  };
  walk(root);
  return out;
}

const languages: Record<string, string> = {
  '.java': 'java',
  '.py': 'python',
  '.go': 'go',
  '.rs': 'rust',
  '.cc': 'cpp',
  '.h': 'cpp',
  '.md': 'markdown',
};

/** Language name a code-search tool would report for a path. */
export function languageOf(path: string): string {
  return languages[extname(path)] ?? 'text';
}

/** Source files only (what a code search indexes): known languages, no licences or build files. */
export function isSource(path: string): boolean {
  return languageOf(path) !== 'text' && languageOf(path) !== 'markdown';
}
