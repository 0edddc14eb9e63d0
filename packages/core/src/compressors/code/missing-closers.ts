import type { Tree } from 'web-tree-sitter';

/** Opening tokens and the text that closes each (C/C++ conditionals close with `#endif` on a line of its own). */
const CLOSER: Readonly<Record<string, string>> = {
  '{': '}',
  '(': ')',
  '[': ']',
  '${': '}',
  '#if': '\n#endif\n',
  '#ifdef': '\n#endif\n',
  '#ifndef': '\n#endif\n',
};

/**
 * The brackets a cut-off file leaves open (a partial read that stops mid-class), as the text that
 * would close them: `\n})}`. Read from the parse's own tokens, so brackets inside strings and
 * comments don't count. Empty when nothing is open.
 */
export function missingClosers(tree: Tree): string {
  const open: string[] = [];
  const cursor = tree.walk();
  try {
    for (;;) {
      if (!cursor.gotoFirstChild()) {
        const token = cursor.nodeType;
        if (!cursor.nodeIsNamed && !cursor.nodeIsMissing) {
          const closer = CLOSER[token];
          if (closer) open.push(closer);
          else if (open.at(-1)?.trim() === token) open.pop();
        }
        while (!cursor.gotoNextSibling()) {
          if (!cursor.gotoParent()) return open.length > 0 ? `\n${open.reverse().join('')}` : '';
        }
      }
    }
  } finally {
    cursor.delete();
  }
}
