import { describe, expect, it } from 'vitest';
import { findJsonHits } from './json-hits.js';

describe('findJsonHits', () => {
  it('finds the hit array at the root or under a wrapper object, with shared fields set apart', () => {
    const hits = [
      {
        repo: 'acme/app',
        path: 'src/a.ts',
        line: 3,
        column: 5,
        match: '  throw new Error(x);',
        before: ['if (!x) {'],
        after: ['}'],
      },
      {
        repo: 'acme/app',
        path: 'src/b.ts',
        line: 40,
        column: 1,
        match: 'throw new TypeError();',
        before: [],
        after: [],
        score: 0.4,
      },
    ];
    const atRoot = findJsonHits(hits)!;
    expect(atRoot.envelope).toBeUndefined();
    expect(atRoot.shared).toEqual({ repo: 'acme/app' });
    expect(atRoot.hits[0]).toEqual({
      index: 0,
      path: 'src/a.ts',
      line: 3,
      column: 5,
      text: '  throw new Error(x);',
      before: [{ line: 2, text: 'if (!x) {' }],
      after: [{ line: 4, text: '}' }],
    });
    expect(atRoot.hits[1]!.extra).toEqual({ score: 0.4 });
    expect(atRoot.hits[1]!.toolScore).toBe(0.4);

    const wrapped = findJsonHits({ total: 2, data: { results: hits } })!;
    expect(wrapped.hits).toHaveLength(2);
    expect(wrapped.envelope).toBe('{"total":2,"data":{"results":"(2 hits)"}}');
  });

  it('reads ripgrep --json style fields and multi-line snippets', () => {
    const found = findJsonHits([
      { path: { text: 'a.py' }, line_number: 7, lines: { text: 'def f():\n    return 1' } },
      { path: { text: 'b.py' }, line_number: '9', lines: { text: 'def g(): pass' } },
    ])!;
    expect(found.hits.map((h) => [h.path, h.line, h.text])).toEqual([
      ['a.py', 7, 'def f():'],
      ['b.py', 9, 'def g(): pass'],
    ]);
    expect(found.hits[0]!.after).toEqual([{ line: 8, text: '    return 1' }]);
  });

  it('refuses arrays whose items are not all hits, and documents without one', () => {
    expect(
      findJsonHits([
        { path: 'a', line: 1, text: 'x' },
        { path: 'b', text: 'no line' },
      ]),
    ).toBeUndefined();
    expect(
      findJsonHits({
        files: [
          { path: 'a', size: 1 },
          { path: 'b', size: 2 },
        ],
      }),
    ).toBeUndefined();
    expect(findJsonHits('text')).toBeUndefined();
    expect(findJsonHits([{ path: 'a', line: 1, text: 'only one' }])).toBeUndefined();
  });
});
