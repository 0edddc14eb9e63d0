import type { Tree } from 'web-tree-sitter';
import type { ParseSource } from './tree-sitter-parser.js';

/** How many ERROR and MISSING nodes a parse produced (0 for clean code). Iterative, so deep trees can't overflow the stack. */
export function countSyntaxErrors(tree: Tree): number {
  if (!tree.rootNode.hasError) return 0;
  const cursor = tree.walk();
  let errors = 0;
  try {
    for (;;) {
      if (cursor.nodeType === 'ERROR' || cursor.nodeIsMissing) errors++;
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
