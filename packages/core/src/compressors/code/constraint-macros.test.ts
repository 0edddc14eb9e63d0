import { describe, expect, test } from 'vitest';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { createCodeCompressor } from './code-compressor.js';
import { parse } from './__fixtures__/corpora.node.js';
import { countSyntaxErrors } from './syntax-errors.js';

const header = [
  'namespace fmt {',
  // Error recovery ends this parameter before its last `)`: the fold still takes the whole call.
  'template <typename T, typename It, FMT_ENABLE_IF(!is_back_inserter<It>() || !(has_append<It>()))>',
  'auto copy(It out) -> It;',
  ...Array.from({ length: 6 }, (_, i) => [
    `template <typename T, FMT_ENABLE_IF(std::is_integral<T>::value && is_kind${i}<T>::value)>`,
    `auto format${i}(int value) -> int {`,
    '  auto digits = count_digits<T>(value);',
    '  return digits + 1;',
    '}',
    `template <typename T, FMT_ENABLE_IF(ok<T>)> auto short${i}(int value) -> int;`,
  ]).flat(),
  '}',
  '',
].join('\n');

describe('constraint macros in C++ template parameter lists', () => {
  test('lose their condition, keep their name, and parse no worse', async () => {
    const { ctx } = await createTestContext();
    // The first pass: the deepest drops a kept header's constraint macros altogether (skeleton.test.ts).
    const { text } = await createCodeCompressor({ deeperBelow: 0 }).compress(header, {
      ...ctx,
      language: 'cpp',
    });
    for (let i = 0; i < 6; i++) {
      expect(text).toContain(
        `template <typename T, FMT_ENABLE_IF(/*…*/)>\nauto format${i}(int value) -> int {\n`,
      );
      // A condition as short as the placeholder stays.
      expect(text).toContain(`FMT_ENABLE_IF(ok<T>)> auto short${i}(int value) -> int;`);
    }
    expect(text).toContain(
      'template <typename T, typename It, FMT_ENABLE_IF(/*…*/)>\nauto copy(It out) -> It;',
    );
    expect(text).not.toContain('is_integral');
    const [before, after] = [await parse('cpp', header), await parse('cpp', text)];
    try {
      expect(countSyntaxErrors(after)).toBeLessThanOrEqual(countSyntaxErrors(before));
    } finally {
      before.delete();
      after.delete();
    }
  });
});
