import type { Tree } from 'web-tree-sitter';
import type { ParseSource } from './tree-sitter-parser.js';

/** How many ERROR and MISSING nodes a parse produced (0 for clean code). */
export function countSyntaxErrors(tree: Tree): number {
  return syntaxErrorSpans(tree).length;
}

/** Where a parse went wrong: one span per ERROR or MISSING node (a MISSING node is empty). */
export interface ErrorSpan {
  start: number;
  end: number;
}

/** The ERROR and MISSING nodes of a parse, in document order. Iterative, so deep trees can't overflow the stack. */
export function syntaxErrorSpans(tree: Tree): ErrorSpan[] {
  const errors: ErrorSpan[] = [];
  if (!tree.rootNode.hasError) return errors;
  const cursor = tree.walk();
  try {
    for (;;) {
      if (cursor.nodeType === 'ERROR' || cursor.nodeIsMissing)
        errors.push({ start: cursor.startIndex, end: cursor.endIndex });
      // Only subtrees that hold an error are worth entering.
      if (cursor.currentNode.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return errors;
      }
    }
  } finally {
    cursor.delete();
  }
}

/** Parses `text` and counts its syntax errors (Infinity when the parser gives up). */
export function syntaxErrorsIn(parse: ParseSource, text: string): number {
  const tree = parse(text);
  if (!tree) return Number.POSITIVE_INFINITY;
  try {
    return countSyntaxErrors(tree);
  } finally {
    tree.delete();
  }
}
