import type { Node } from 'web-tree-sitter';
import type { CodeLanguage } from '../../types.js';
import type { Grammars } from './grammars.js';
import { languageSpecs, type LanguageSpec } from './languages.js';
import { nameNode } from './outline.js';
import { sourceParser } from './tree-sitter-parser.js';

/** Scopes nested deeper than this are not searched (guards the recursion against hostile input). */
const MAX_DEPTH = 16;
const MAX_NAME = 200;

/**
 * The names a file declares at namespace and class level: every named definition at top level and
 * among the members of classes, structs, enums, traits, interfaces, impls and namespaces (through
 * `export`, decorators, templates, `#ifdef` blocks and the ERROR nodes of a broken parse), in
 * document order, repeated as often as declared (overloads). The compressor keeps all of them.
 */
export function declaredNames(root: Node, spec: LanguageSpec): string[] {
  const names: string[] = [];
  const visit = (scope: Node, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const child of scope.namedChildren) {
      if (!child) continue;
      // Go declares its types in specs (`type ( A struct{…}; B int )`); error recovery keeps whole definitions.
      if (child.type === 'type_declaration' || child.type === 'ERROR') visit(child, depth + 1);
      const node = unwrap(child, spec, 0);
      const name = nameNode(node)?.text.trim();
      // A "name" spanning lines is what a misparse took for one (a body after an unexpanded macro).
      const group = spec.groups.has(node.type);
      // An `#ifdef` names a macro it tests, not something it declares.
      if (name && !group && !name.includes('\n') && name.length <= MAX_NAME) names.push(name);
      if (group) visit(node, depth + 1);
      const members = spec.containers.has(node.type) ? node.childForFieldName('body') : null;
      if (members) visit(members, depth + 1);
    }
  };
  visit(root, 0);
  return names;
}

/** The definition inside wrappers (`export …`, decorators, `template <…>`). */
function unwrap(node: Node, spec: LanguageSpec, depth: number): Node {
  if (!spec.wrappers.has(node.type) || depth > 4) return node;
  const inner = node.namedChildren.find(
    (c) => c && (spec.functions.has(c.type) || spec.containers.has(c.type) || nameNode(c)),
  );
  return inner ? unwrap(inner, spec, depth + 1) : node;
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
