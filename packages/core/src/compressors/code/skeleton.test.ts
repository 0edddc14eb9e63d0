import { describe, expect, test } from 'vitest';
import { findMarkerKeys } from '../../ccr/marker.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { codeCompressor, createCodeCompressor } from './code-compressor.js';
import { createGrammars } from './grammars.js';
import { declaredNamesIn, namesMissing } from './name-check.js';
import { parse } from './__fixtures__/corpora.node.js';
import { countSyntaxErrors } from './syntax-errors.js';

/** A header of short inline members: only the deepest pass gets it under the deeper-pass threshold. */
const header = [
  '#include <type_traits>',
  '',
  'FMT_BEGIN_NAMESPACE',
  '// Mask bits of the specs.',
  'enum class presentation_type : unsigned char {',
  '  none = 0,  // no type',
  '  debug = 1,',
  '  string = 2,',
  '  dec = 3,',
  '};',
  '',
  'template <typename T, typename Char = char>',
  'using buffered_context =',
  '    conditional_t<std::is_same<Char, char>::value, context,',
  '                  generic_context<basic_appender<Char>, Char>>;',
  '',
  'template <typename T, typename Enable = void> struct is_contiguous : std::false_type {};',
  'template <typename T>',
  'struct is_contiguous<T, void_t<decltype(std::declval<T&>().data())>> : std::true_type {};',
  '',
  '/** Holds a value. */',
  'template <typename Char> class holder {',
  ' public:',
  ...Array.from({ length: 8 }, (_, i) => [
    `  /// Returns value ${i}.`,
    `  template <typename T, FMT_ENABLE_IF(std::is_integral<T>::value)>`,
    `  FMT_CONSTEXPR FMT_INLINE auto get${i}(const T& value,`,
    `                                       int width) const -> T {`,
    `    return static_cast<T>(value) + width + ${i};`,
    '  }',
    `  template <typename T> FMT_CONSTEXPR auto make${i}() -> int {`,
    `    return T(${i}).size();`,
    '  }',
  ]).flat(),
  '};',
  'FMT_END_NAMESPACE',
  '',
].join('\n');

async function compress(source: string) {
  const { ctx, store } = await createTestContext();
  const { text } = await codeCompressor.compress(source, { ...ctx, language: 'cpp' });
  return { text, store };
}

describe('the deepest C++ pass', () => {
  test('writes signatures on one line, return type first, without qualifier macros or the template header they imply', async () => {
    const { text } = await compress(header);
    for (let i = 0; i < 8; i++) {
      expect(text).toContain(`\n  T get${i}(const T& value, int width) const;\n`);
      // `T` only in the body: the header stays.
      expect(text).toContain(`\n  template <typename T> int make${i}();\n`);
    }
    expect(text).not.toContain('FMT_CONSTEXPR');
    expect(text).not.toContain('is_integral');
    // Structural macros on their own line stay.
    expect(text).toContain('FMT_BEGIN_NAMESPACE\n');
  });

  test('folds long template arguments in types, not in a declared name, and keeps enumerators as names', async () => {
    const { text } = await compress(header);
    expect(text).toContain(
      'template <typename T, typename Char = char> using buffered_context = conditional_t</*…*/>;',
    );
    expect(text).toContain(
      'struct is_contiguous<T, void_t<decltype(std::declval<T&>().data())>> : std::true_type {};',
    );
    expect(text).toContain(
      'enum class presentation_type : unsigned char { none, debug, string, dec };',
    );
    expect(text).not.toContain('//  no type');
    expect(text).not.toContain('Returns value');
  });

  test('declares every name it did, parses no worse, and the original comes back by name', async () => {
    const { text, store } = await compress(header);
    const grammars = createGrammars();
    const before = await declaredNamesIn(header, 'cpp', grammars);
    expect(before).toContain('get7');
    expect(namesMissing(before, await declaredNamesIn(text, 'cpp', grammars))).toEqual([]);
    const [a, b] = [await parse('cpp', header), await parse('cpp', text)];
    try {
      expect(countSyntaxErrors(b)).toBeLessThanOrEqual(countSyntaxErrors(a));
    } finally {
      a.delete();
      b.delete();
    }
    const found = await retrieve(store, findMarkerKeys(text)[0] as string, { query: 'get3' });
    expect(found.content).toContain('FMT_CONSTEXPR FMT_INLINE auto get3(const T& value,');
  });

  test('keeps a deduction guide’s header: without it, no parser reads it as a declaration', async () => {
    const source = [
      'namespace std {',
      ...Array.from({ length: 6 }, (_, i) => [
        `template <typename R${i}, typename... Args>`,
        `function${i}(R${i} (*)(Args...)) -> function${i}<R${i}(Args...)>;`,
        `template <typename T> auto call${i}(T value) -> int {`,
        '  int a = 1;',
        '  int b = 2;',
        '  return a + b;',
        '}',
      ]).flat(),
      '}',
      '',
    ].join('\n');
    const { text } = await compress(source);
    expect(text).toContain('template <typename R5, typename... Args> function5(R5 (*)(Args...))');
    expect(text).toContain('\nint call5(T value);\n');
  });

  test('puts a trailing return type in front, trims kept template headers and long macro values', async () => {
    const source = [
      'namespace fmt {',
      '#define FMT_MAP_3(f, a, b, c) f(a), f(b), f(c)',
      '#define FMT_ONE 1',
      'template <typename OutputIt, typename S, typename Char = detail::format_string_char_t<S>,',
      '          FMT_ENABLE_IF(detail::is_output_iterator<OutputIt, Char>::value)>',
      'auto format_to(OutputIt out, const S& fmt) -> OutputIt;',
      'template <typename T, typename Char>',
      'struct formatter<',
      '    T, Char, enable_if_t<detail::type_constant<T, Char>::value != detail::type::custom_type>>',
      '    : detail::native_formatter<T, Char> {};',
      'template <typename Char> auto size(int n) const -> size_t;',
      'template <typename Char> auto get(int n) -> Char&;',
      'template <typename T> auto out(T& ctx) -> decltype(ctx.out());',
      '}',
      '',
    ].join('\n');
    const { ctx } = await createTestContext();
    const { text } = await createCodeCompressor({ deeperBelow: 1 }).compress(source, {
      ...ctx,
      language: 'cpp',
    });
    expect(text).toContain('\n#define FMT_MAP_3(f, a, b, c)\n#define FMT_ONE 1\n');
    expect(text).toContain(
      '\ntemplate <typename OutputIt, typename S, typename Char> OutputIt format_to(OutputIt out, const S& fmt);\n',
    );
    // A name spanning lines is no name the check reads: its own arguments stay, nested ones fold.
    expect(text).toContain('struct formatter< T, Char, enable_if_t</*…*/>> :');
    expect(text).toContain('\ntemplate <typename Char> size_t size(int n) const;\n');
    // A reference in front would hide the name from the grammar; a decltype names the parameters.
    expect(text).toContain('\nauto get(int n) -> Char&;\n');
    expect(text).toContain('\nauto out(T& ctx) -> decltype(ctx.out());\n');
  });
});
