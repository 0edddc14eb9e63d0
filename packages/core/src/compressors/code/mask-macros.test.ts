import { describe, expect, test } from 'vitest';
import { maskMacros } from './mask-macros.js';

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
});
