import { describe, expect, test } from 'vitest';
import { findMarkerKeys } from '../../ccr/marker.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { retrieve } from '../../test-utils/retrieve.js';
import type { CodeLanguage } from '../../types.js';
import { codeCompressor } from './code-compressor.js';
import { createGrammars } from './grammars.js';
import { namesMissing, declaredNamesIn } from './name-check.js';
import { parse } from './__fixtures__/corpora.node.js';
import { countSyntaxErrors } from './syntax-errors.js';

/** A body long enough that every pass collapses it. */
const body = (result: string) => [
  '{',
  ...Array.from({ length: 6 }, (_, i) => `  step(${i});`),
  `  return ${result};`,
  '}',
];

const header = [
  'namespace geo {',
  '',
  'class shape {',
  ' public:',
  '  explicit shape(int sides) : sides_(sides), area_(0) {',
  ...body('').slice(1, -2),
  '  }',
  '  auto sides() const noexcept -> int {',
  ...body('sides_').slice(1),
  '  template <typename T> void scale(T factor)',
  ...body('').slice(0, -2),
  '  }',
  ' private:',
  '  int sides_;',
  '  int area_;',
  '};',
  '',
  'shape::shape(const shape& other) : sides_(other.sides_) {',
  ...body('').slice(1, -2),
  '}',
  '',
  'int shape::perimeter(int side) const',
  ...body('sides_ * side'),
  '',
  'auto sorter = [](int a, int b) {',
  ...body('a < b').slice(1),
  ';',
  '',
  '}  // namespace geo',
  '',
].join('\n');

async function compress(source: string, query = '') {
  const { ctx, store } = await createTestContext({ query });
  const { text } = await codeCompressor.compress(source, { ...ctx, language: 'cpp' });
  return { text, store };
}

describe('a collapsed C++ definition becomes its declaration', () => {
  test('members and free functions end at their signature; the marker says bodies were omitted', async () => {
    const { text } = await compress(header);
    expect(text).toContain('bodies omitted, query a name for its source');
    // A constructor's member initializers belong to its body.
    expect(text).toContain('  explicit shape(int sides);\n');
    expect(text).toContain('  int sides() const noexcept;\n');
    // The deepest pass drops a template header the signature implies (`T` is in it).
    expect(text).toContain('  void scale(T factor);\n');
    expect(text).toContain('int shape::perimeter(int side) const;\n');
    expect(text).not.toContain('step(');
  });

  test('a constructor defined outside its class and a lambda keep a placeholder: no declaration stands for them', async () => {
    const { text } = await compress(header);
    expect(text).toMatch(
      /shape::shape\(const shape& other\) : sides_\(other\.sides_\) \{ \/\* lines \d+-\d+ omitted \*\/ \}/,
    );
    expect(text).toMatch(
      /auto sorter = \[\]\(int a, int b\) \{ \/\* lines \d+-\d+ omitted \*\/ \}/,
    );
  });

  test('the output parses as well as the source and declares every name it did', async () => {
    const { text } = await compress(header);
    const grammars = createGrammars();
    const before = await declaredNamesIn(header, 'cpp', grammars);
    expect(before).toEqual(expect.arrayContaining(['geo', 'shape', 'sides', 'scale']));
    expect(namesMissing(before, await declaredNamesIn(text, 'cpp', grammars))).toEqual([]);
    const tree = await parse('cpp', text);
    try {
      expect(countSyntaxErrors(tree)).toBe(0);
    } finally {
      tree.delete();
    }
  });

  test("a query naming the function retrieves its body, which the declaration doesn't show", async () => {
    const { text, store } = await compress(header);
    const [key] = findMarkerKeys(text);
    const found = await retrieve(store, key as string, { query: 'perimeter' });
    expect(found.content).toContain('return sides_ * side;');
  });
});

/** Eight statement lines: long enough for every pass to collapse. */
const lines = (indent: string, end = ';') =>
  Array.from({ length: 8 }, (_, i) => `${indent}step(${i})${end}`);

const others: Array<{
  language: CodeLanguage;
  source: string[];
  signatures: string[];
  placeholders: RegExp[];
}> = [
  {
    language: 'java',
    source: [
      'class Shape {',
      '  Shape(int sides) {',
      ...lines('    '),
      '  }',
      '  public int area(int side) throws IOException {',
      ...lines('    '),
      '  }',
      '}',
    ],
    signatures: ['  public int area(int side) throws IOException;\n'],
    // A constructor has no body-less form.
    placeholders: [/ {2}Shape\(int sides\) \{ \/\* lines 3-10 omitted \*\/ \}/],
  },
  {
    language: 'go',
    source: [
      'package geo',
      '',
      'func (s *Shape) Area(side int) (int, error) {',
      ...lines('\t', ''),
      '\thandler := func(x int) int {',
      ...lines('\t\t', ''),
      '\t}',
      '}',
      '',
      'var Handler = func(x int) int {',
      ...lines('\t', ''),
      '}',
    ],
    signatures: ['func (s *Shape) Area(side int) (int, error)\n'],
    placeholders: [/var Handler = func\(x int\) int \{ \/\* lines 25-32 omitted \*\/ \}/],
  },
  {
    language: 'rust',
    source: [
      'impl Shape {',
      '    pub fn area<T>(&self, side: T) -> u32 where T: Into<u32> {',
      ...lines('        '),
      '    }',
      '}',
      '',
      'const SORT: fn(u32) -> u32 = |x| {',
      ...lines('    '),
      '    x',
      '};',
    ],
    signatures: ['    pub fn area<T>(&self, side: T) -> u32 where T: Into<u32>;\n'],
    placeholders: [/\|x\| \{ \/\* lines 15-23 omitted \*\/ \}/],
  },
  {
    language: 'typescript',
    source: [
      'export class Shape {',
      '  async area(side: number): Promise<number> {',
      ...lines('    '),
      '  }',
      '}',
      '',
      'export function perimeter(side: number): number {',
      ...lines('  '),
      '}',
      '',
      'export const handlers = {',
      '  area(side: number): number {',
      ...lines('    '),
      '  },',
      '};',
    ],
    signatures: [
      '  async area(side: number): Promise<number>;\n',
      'export function perimeter(side: number): number;\n',
    ],
    // An object literal's method has no signature form.
    placeholders: [/ {2}area\(side: number\): number \{ \/\* lines 27-34 omitted \*\/ \}/],
  },
];

describe('other languages with a body-less form', () => {
  for (const { language, source, signatures, placeholders } of others)
    test(`${language}: methods and functions end at their signature, the rest keep a placeholder`, async () => {
      const text = source.join('\n');
      const { ctx } = await createTestContext();
      const { text: output } = await codeCompressor.compress(text, { ...ctx, language });
      expect(output).toContain('bodies omitted, query a name for its source');
      for (const signature of signatures) expect(output).toContain(signature);
      for (const placeholder of placeholders) expect(output).toMatch(placeholder);
      const [before, after] = [await parse(language, text), await parse(language, output)];
      try {
        expect(countSyntaxErrors(after)).toBe(countSyntaxErrors(before));
      } finally {
        before.delete();
        after.delete();
      }
    });
});
