import type { Node } from 'web-tree-sitter';
import type { LanguageSpec } from './languages.js';
import { nameNode } from './outline.js';

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
      const group = spec.groups.has(node.type);
      // An `#ifdef` names a macro it tests, not something it declares.
      if (!group) names.push(...namesOf(node));
      if (group) visit(node, depth + 1);
      const members = spec.containers.has(node.type) ? node.childForFieldName('body') : null;
      if (members) visit(members, depth + 1);
    }
  };
  visit(root, 0);
  return names;
}

/** What one member declares: its own name, else each declarator's (`const a = 1, b = 2`, a Java field, a Go var). */
function namesOf(node: Node): string[] {
  const own = nameNode(node);
  const names = own
    ? [own.text.trim()]
    : node.namedChildren
        .filter((child) => child && /declarator$|_spec$/.test(child.type))
        .map((child) => child?.childForFieldName('name')?.text.trim() ?? '');
  return names.filter(isReadName);
}

/**
 * Whether a declared name counts: not empty, and not spanning lines or over 200 characters (what
 * a misparse takes for a name, a body after an unexpanded macro; or a specialization's constraint).
 */
export function isReadName(name: string): boolean {
  return name !== '' && !name.includes('\n') && name.length <= MAX_NAME;
}

/** The definition inside wrappers (`export …`, decorators, `template <…>`). */
function unwrap(node: Node, spec: LanguageSpec, depth: number): Node {
  if (!spec.wrappers.has(node.type) || depth > 4) return node;
  const inner = node.namedChildren.find(
    (c) => c && (spec.functions.has(c.type) || spec.containers.has(c.type) || nameNode(c)),
  );
  return inner ? unwrap(inner, spec, depth + 1) : node;
}
