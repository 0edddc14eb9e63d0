import { describe, expect, test } from 'vitest';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { findMarkerKeys } from '../../ccr/marker.js';
import { codeCompressor } from './code-compressor.js';

/** A header's feature detection: conditionals and defines only, between includes and code. */
const header = [
  '#ifndef LIB_H_',
  '#define LIB_H_',
  '#include <stddef.h>',
  '',
  ...['GCC', 'CLANG', 'MSC', 'ICC'].flatMap((compiler) => [
    `#if defined(__${compiler}__)`,
    `#  define LIB_${compiler}_VERSION (__${compiler}_MAJOR__ * 100)`,
    '#else',
    `#  define LIB_${compiler}_VERSION 0`,
    '#endif',
  ]),
  '// Whether constexpr works.',
  '#ifdef LIB_USE_CONSTEXPR',
  '#elif LIB_GCC_VERSION >= 702',
  '#  define LIB_USE_CONSTEXPR 1',
  '#else',
  '#  define LIB_USE_CONSTEXPR 0',
  '#endif',
  '',
  '#if LIB_USE_CONSTEXPR',
  '#  include <type_traits>',
  '#  define LIB_SHORT 1',
  '#endif',
  '',
  'namespace lib {',
  'struct buffer {',
  '  size_t size;',
  '};',
  '}  // namespace lib',
  '#endif',
  '',
].join('\n');

describe('C/C++ configuration blocks', () => {
  test('a run of conditionals and defines keeps only the name of each define, written flush', async () => {
    const { ctx, store } = await createTestContext();
    const { text } = await codeCompressor.compress(header, { ...ctx, language: 'cpp' });
    expect(text).toContain(
      [
        '// lines 5-31: conditions and values omitted',
        ...['GCC', 'CLANG', 'MSC', 'ICC'].flatMap((c) => Array(2).fill(`#define LIB_${c}_VERSION`)),
        '#define LIB_USE_CONSTEXPR',
        '#define LIB_USE_CONSTEXPR',
        '',
      ].join('\n'),
    );
    // An include breaks the run: the block holding one stays, as do the include guard and the code.
    expect(text).toContain('#  include <type_traits>\n#  define LIB_SHORT 1');
    expect(text).toContain('#define LIB_H_\n#include <stddef.h>');
    expect(text).toContain('struct buffer {\n  size_t size;\n};');
    const [key] = findMarkerKeys(text);
    expect((await retrieve(store, key as string)).content).toBe(header);
    const found = await retrieve(store, key as string, { query: 'LIB_USE_CONSTEXPR' });
    expect(found.content).toContain('#  define LIB_USE_CONSTEXPR 1');
  });
});
