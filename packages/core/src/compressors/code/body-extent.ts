import type { Node } from 'web-tree-sitter';

/**
 * Where a body really ends when error recovery closed a brace inside it with a MISSING `}`
 * (C++23 `if consteval { … } else { … }` reads as an initializer list left open): the `}` the
 * parse took for the body's end closes that one, and the rest of the function lies after it as
 * siblings. The end is where the body's own `{` closes, counted over the parse's tokens (braces in
 * strings and comments don't count); the body's end if it never closes. `undefined` for a body
 * the parse closed with a `}` of its own.
 */
export function brokenBodyEnd(body: Node): number | undefined {
  if (!body.hasError || !holdsMissingBrace(body)) return undefined;
  const cursor = body.tree.walk();
  let depth = 0;
  try {
    for (;;) {
      // Subtrees before the body hold none of its tokens.
      const before = cursor.endIndex <= body.startIndex;
      if (before || !cursor.gotoFirstChild()) {
        if (!before && !cursor.nodeIsNamed && !cursor.nodeIsMissing) {
          if (cursor.nodeType === '{') depth++;
          else if (cursor.nodeType === '}' && --depth === 0) return cursor.endIndex;
        }
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return body.endIndex;
        }
      }
    }
  } finally {
    cursor.delete();
  }
}

function holdsMissingBrace(node: Node): boolean {
  const cursor = node.walk();
  try {
    for (;;) {
      if (cursor.nodeIsMissing && cursor.nodeType === '}') return true;
      if (cursor.currentNode.hasError && cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return false;
      }
    }
  } finally {
    cursor.delete();
  }
}
