import type { CodeLanguage } from '../../types.js';
import { declaredNames } from './declared-names.js';
import type { Grammars } from './grammars.js';
import { languageSpecs } from './languages.js';
import { sourceParser } from './tree-sitter-parser.js';

// Checks that a compressed file still declares its original's names, for the bench and tools.
// Kept apart from declared-names.ts so that this entry's declarations name no web-tree-sitter type:
// a consumer compiling with `skipLibCheck: false` would otherwise type-check web-tree-sitter's own
// declarations, which do not compile without Emscripten's.

/** The names `text` declares at namespace and class level, read as the code compressor reads them. */
export async function declaredNamesIn(
  text: string,
  language: CodeLanguage,
  grammars: Grammars,
): Promise<string[]> {
  const spec = languageSpecs[language];
  const tree = sourceParser(await grammars.parser(language), spec)(text);
  if (!tree) return [];
  try {
    return declaredNames(tree.rootNode, spec);
  } finally {
    tree.delete();
  }
}

/** The names of `before` that `after` does not declare, counting each repeat (a multiset difference). */
export function namesMissing(before: readonly string[], after: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const name of after) left.set(name, (left.get(name) ?? 0) + 1);
  const missing: string[] = [];
  for (const name of before) {
    const n = left.get(name) ?? 0;
    if (n > 0) left.set(name, n - 1);
    else missing.push(name);
  }
  return missing;
}
