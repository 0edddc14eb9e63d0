import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSource, languageOf, listFiles, type SourceProject } from './source-tree.js';

/** One grep match with two lines of context, the shape code-search tools return. */
export interface GrepMatch {
  repository: string;
  path: string;
  language: string;
  line: number;
  column: number;
  match: string;
  before: string[];
  after: string[];
}

/** What a search over a tree found: the first `limit` matches in path order, and how many there were. */
export interface GrepResult {
  pattern: string;
  totalMatches: number;
  matches: GrepMatch[];
}

/** Greps the project's source files like `rg -n -C2`, keeping indentation; deterministic (path order). */
export function grepTree(
  project: SourceProject,
  pattern: RegExp,
  limit: number,
  context = 2,
): GrepResult {
  const matches: GrepMatch[] = [];
  let totalMatches = 0;
  for (const path of listFiles(project.root).filter(isSource)) {
    const lines = readFileSync(join(project.root, path), 'utf8').split(/\r?\n/);
    lines.forEach((text, index) => {
      const column = text.search(pattern);
      if (column < 0) return;
      totalMatches += 1;
      if (matches.length >= limit) return;
      matches.push({
        repository: project.repository,
        path,
        language: languageOf(path),
        line: index + 1,
        column: column + 1,
        match: text.trimEnd(),
        before: lines.slice(Math.max(0, index - context), index).map((l) => l.trimEnd()),
        after: lines.slice(index + 1, index + 1 + context).map((l) => l.trimEnd()),
      });
    });
  }
  return { pattern: pattern.source, totalMatches, matches };
}
