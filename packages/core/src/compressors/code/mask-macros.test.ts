import { describe, expect, test } from 'vitest';
import { parse } from './__fixtures__/corpora.node.js';
import { maskMacros } from './mask-macros.js';
import { countSyntaxErrors } from './syntax-errors.js';

describe('maskMacros', () => {
  test('blanks macros alone on a line and macros qualifying a declaration, keeping every offset', () => {
    const source = [
      'FMT_PRAGMA_CLANG(diagnostic error "-Wreturn-stack-address")',
      'FMT_BEGIN_NAMESPACE',
      'class FMT_API format_error : public std::runtime_error {};',
      'template <typename T> FMT_CONSTEXPR FMT_INLINE auto f(T x) -> T {',
      '  FMT_ASSERT(x > 0, "negative");',
      '  if FMT_CONSTEXPR20 (x) return x;',
      '  return FMT_DEFAULT_VALUE;',
      '}',
      '#define FMT_API FMT_VISIBILITY("default")',
      '  FMT_DEPRECATED operator const string_view&() const { return str; }',
      'FMT_END_NAMESPACE',
    ].join('\n');
    const masked = maskMacros(source);
    expect(masked.length).toBe(source.length);
    expect(masked.split('\n')).toEqual([
      ' '.repeat('FMT_PRAGMA_CLANG(diagnostic error "-Wreturn-stack-address")'.length),
      ' '.repeat('FMT_BEGIN_NAMESPACE'.length),
      'class         format_error : public std::runtime_error {};',
      'template <typename T>                          auto f(T x) -> T {',
      '  FMT_ASSERT(x > 0, "negative");',
      '  if                 (x) return x;',
      '  return FMT_DEFAULT_VALUE;',
      '}',
      '#define FMT_API FMT_VISIBILITY("default")',
      '  FMT_DEPRECATED operator const string_view&() const { return str; }',
      ' '.repeat('FMT_END_NAMESPACE'.length),
    ]);
  });

  test("a standard library's reserved macros, and a specifier after the parameters, are blanked too", () => {
    const source = [
      '      _GLIBCXX20_CONSTEXPR',
      '      size_type size() const _GLIBCXX_NOEXCEPT',
      '      { return _M_impl._M_finish - _M_impl._M_start; }',
      '      _Vector_base(const allocator_type& __a) _GLIBCXX_NOEXCEPT',
      '      : _M_impl(__a) { }',
      '      void swap(vector& __x) _GLIBCXX_NOEXCEPT;',
      '      bool empty() const _GLIBCXX_USE_NOEXCEPT { return _S_empty; }',
      '      int f(int x) SOME_MACRO(x);',
    ].join('\n');
    expect(maskMacros(source).split('\n')).toEqual([
      ' '.repeat('      _GLIBCXX20_CONSTEXPR'.length),
      `      size_type size() const ${' '.repeat('_GLIBCXX_NOEXCEPT'.length)}`,
      '      { return _M_impl._M_finish - _M_impl._M_start; }',
      `      _Vector_base(const allocator_type& __a) ${' '.repeat('_GLIBCXX_NOEXCEPT'.length)}`,
      '      : _M_impl(__a) { }',
      `      void swap(vector& __x) ${' '.repeat('_GLIBCXX_NOEXCEPT'.length)};`,
      `      bool empty() const ${' '.repeat('_GLIBCXX_USE_NOEXCEPT'.length)} { return _S_empty; }`,
      // A function-like macro's arguments would be left behind: it stays.
      '      int f(int x) SOME_MACRO(x);',
    ]);
  });

  test('exceptions spelled as macros read as `try` and `catch`, so a handler ends no function', async () => {
    const source = [
      'class buffer {',
      ' public:',
      '  ~buffer() {',
      '    FMT_TRY { flush(); }',
      '    FMT_CATCH(...) {}',
      '  }',
      '  int size() const { return size_; }',
      '};',
    ].join('\n');
    const masked = maskMacros(source);
    expect(masked.split('\n').slice(3, 5)).toEqual([
      '    try     { flush(); }',
      '    catch    (...) {}',
    ]);
    const tree = await parse('cpp', source);
    try {
      expect(countSyntaxErrors(tree)).toBe(0);
      const members = tree.rootNode.descendantsOfType('field_declaration_list')[0]?.namedChildren;
      expect(members?.map((member) => member?.type)).toEqual([
        'access_specifier',
        'function_definition',
        'function_definition',
      ]);
    } finally {
      tree.delete();
    }
  });
});
