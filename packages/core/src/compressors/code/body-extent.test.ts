import { expect, test } from 'vitest';
import type { Node } from 'web-tree-sitter';
import { brokenBodyEnd } from './body-extent.js';
import { parse } from './__fixtures__/corpora.node.js';

/** `brokenBodyEnd` of the body of the file's first C++ function. */
async function firstBodyEnd(text: string): Promise<number | undefined> {
  const tree = await parse('cpp', text);
  try {
    const fn = tree.rootNode.descendantsOfType('function_definition')[0] as Node;
    return brokenBodyEnd(fn.childForFieldName('body') as Node);
  } finally {
    tree.delete();
  }
}

test('a body the parse reads whole has no broken end', async () => {
  expect(
    await firstBodyEnd('int f(int x) {\n  if (x) {\n    return 1;\n  }\n  return 0;\n}\n'),
  ).toBe(undefined);
});

test('a body ended early by a MISSING `}` ends where its own `{` closes', async () => {
  // `else { … }` after `if consteval` reads as an initializer list left open.
  const text = [
    'constexpr int f(int x) {',
    '  int y = 0;',
    '  if consteval {',
    '    y = 1;',
    '  } else {',
    '    y = 2;',
    '  }',
    '  if !consteval {',
    '    y += x;',
    '  }',
    '  return y;',
    '}',
    '',
    'int g() { return 1; }',
    '',
  ].join('\n');
  expect(await firstBodyEnd(text)).toBe(text.indexOf('\n\nint g()'));
});
