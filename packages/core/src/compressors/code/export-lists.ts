import type { Node } from 'web-tree-sitter';
import type { Edit } from './edits.js';

/** A list this short costs about what its placeholder does and stays whole. */
const MIN_FOLDED = 4;

/**
 * The edit that folds a local `export { a, b, c }` list (no `from`): each plain name in it is a
 * binding of this module, so its declaration or import already shows it and the list only repeats
 * it. Plain names become a count; renamed ones (`jsx as createElement`, `x as default`) stay, since
 * their exported name appears nowhere else. Undefined when the list re-exports another module or is short.
 */
export function foldExportList(statement: Node): Edit | undefined {
  if (statement.childForFieldName('source')) return undefined;
  const clause = statement.namedChildren.find((child) => child?.type === 'export_clause');
  if (!clause) return undefined;
  const specifiers = clause.namedChildren.filter((child) => child?.type === 'export_specifier');
  const renamed = specifiers.filter((s) => s?.childForFieldName('alias')).map((s) => s?.text);
  const plain = specifiers.length - renamed.length;
  // Anything but specifiers (a comment inside the list) stays where it was.
  if (plain < MIN_FOLDED || specifiers.length !== clause.namedChildCount) return undefined;
  const kept = renamed.length > 0 ? ` ${renamed.join(', ')}` : '';
  return {
    start: clause.startIndex,
    end: clause.endIndex,
    text: `{ /* ${plain} local names */${kept} }`,
  };
}
