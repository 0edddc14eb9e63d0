import { readFileSync } from 'node:fs';
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

/** A class template and a function template whose bodies hold `if consteval`, unknown to the grammar. */
const swapTemplate = readFileSync(
  new URL('./__fixtures__/swap-template.cpp', import.meta.url),
  'utf8',
);

async function compress(source: string) {
  const { ctx, store } = await createTestContext();
  const { text } = await codeCompressor.compress(source, { ...ctx, language: 'cpp' });
  return { text, store };
}

/** The deepest pass's output, whatever the earlier passes saved. */
async function deepest(source: string): Promise<string> {
  const { ctx } = await createTestContext();
  const { text } = await createCodeCompressor({ deeperBelow: 1 }).compress(source, {
    ...ctx,
    language: 'cpp',
  });
  return text;
}

/** The output declares every name the source did and parses no worse. */
async function expectNamesAndParse(source: string, text: string): Promise<void> {
  const grammars = createGrammars();
  const before = await declaredNamesIn(source, 'cpp', grammars);
  expect(namesMissing(before, await declaredNamesIn(text, 'cpp', grammars))).toEqual([]);
  const [a, b] = [await parse('cpp', source), await parse('cpp', text)];
  try {
    expect(countSyntaxErrors(b)).toBeLessThanOrEqual(countSyntaxErrors(a));
  } finally {
    a.delete();
    b.delete();
  }
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
    expect(await declaredNamesIn(header, 'cpp', createGrammars())).toContain('get7');
    await expectNamesAndParse(header, text);
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

  test('keeps the header of a class template the parse misread (a member with `if consteval`)', async () => {
    // Error recovery ends `swap`'s body early: the class reads as the return type of a function.
    const text = await deepest(swapTemplate);
    expect(text).toContain('\ntemplate <typename T> class Swapper {\n');
    expect(text).toContain('\nstd::uint32_t mix(std::uint32_t a, std::uint32_t b);\n');
    await expectNamesAndParse(swapTemplate, text);
  });

  test('keeps the header of a function template kept whole (its body ended early by `if consteval`)', async () => {
    const text = await deepest(swapTemplate);
    expect(text).toContain('\ntemplate <typename T> constexpr T rotate(T value, int by) {\n');
  });

  test('puts a trailing return type in front, trims kept template headers and long macro values', async () => {
    const source = [
      'namespace fmt {',
      '#define FMT_MAP_3(f, a, b, c) f(a), f(b), f(c)',
      '#define FMT_ONE 1',
      // Error recovery ends the macro's parameter before its last `)`: the whole call goes.
      'template <typename T, FMT_ENABLE_IF(!is_a<T>() || !(is_b<T>()))> int make();',
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
    const text = await deepest(source);
    expect(text).toContain('\n#define FMT_MAP_3(f, a, b, c)\n#define FMT_ONE 1\n');
    expect(text).toContain(
      '\ntemplate <typename OutputIt, typename S, typename Char> OutputIt format_to(OutputIt out, const S& fmt);\n',
    );
    // A name spanning lines is no name the check reads: its own arguments stay, nested ones fold.
    expect(text).toContain('struct formatter< T, Char, enable_if_t</*…*/>> :');
    expect(text).toContain('\ntemplate <typename Char> size_t size(int n) const;\n');
    // A reference in front would hide the name from the grammar; a decltype goes, the return deduced.
    expect(text).toContain('\nauto get(int n) -> Char&;\n');
    expect(text).toContain('\nauto out(T& ctx);\n');
    expect(text).not.toContain('decltype');
    expect(text).toContain('\ntemplate <typename T> int make();\n');
  });

  test('cuts long initializers, static_asserts and `inline`; keeps short values, `auto` variables and inline namespaces', async () => {
    const source = [
      'namespace fmt {',
      'inline namespace v11 {',
      'template <typename T> class is_map {',
      '  template <typename U> static auto check(U*) -> typename U::mapped_type;',
      ' public:',
      '  static constexpr bool value =',
      '      !std::is_void<decltype(check<T>(nullptr))>::value;',
      '  static_assert(sizeof(T) > 0, "incomplete type");',
      '};',
      'struct range_formatter {',
      "  basic_string_view<char> separator_ = detail::string_literal<char, ',', ' '>{};",
      '  bool is_debug = false;',
      '  int a = 1, b = some_function_of(a, 42);',
      '  inline explicit operator bool() const noexcept { return is_debug; }',
      '};',
      'inline constexpr int max_digits = std::numeric_limits<int>::digits10 + 1;',
      'constexpr auto digits = std::numeric_limits<int>::digits10 + 1;',
      'static_assert(sizeof(int) == 4, "int is 32 bits");',
      'inline int count_digits(unsigned n) {',
      '  int count = 1;',
      '  return count;',
      '}',
      '}',
      '}',
      '',
    ].join('\n');
    const text = await deepest(source);
    expect(text).toContain('\n  static constexpr bool value;\n');
    expect(text).toContain('\n  basic_string_view<char> separator_;\n  bool is_debug = false;\n');
    expect(text).toContain('\n  int a = 1, b;\n');
    // A conversion operator is a function with a body-less form too.
    expect(text).toContain('\n  explicit operator bool() const noexcept;\n');
    expect(text).not.toContain('static_assert');
    expect(text).toContain('\ninline namespace v11 {\n');
    expect(text).toContain('\ninline constexpr int max_digits;\n');
    expect(text).toContain('\nconstexpr auto digits = std::numeric_limits<int>::digits10 + 1;\n');
    expect(text).toContain('\nint count_digits(unsigned n);\n');
    await expectNamesAndParse(source, text);
  });
});
