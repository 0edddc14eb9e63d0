/**
 * An all-caps name with an underscore (`FMT_CONSTEXPR`, `BOOST_FORCEINLINE`, a standard library's
 * reserved `_GLIBCXX_NOEXCEPT`): how C and C++ spell macros.
 */
const MACRO = /\b_*[A-Z][A-Z0-9]*_[A-Z0-9_]*\b/g;
const CALL_LINE = /^[ \t]*_*[A-Z][A-Z0-9]*_[A-Z0-9_]*\([^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)[ \t]*$/;

/**
 * C and C++ as the parser should see it: object-like macros standing alone on a line
 * (`FMT_BEGIN_NAMESPACE`) or in front of a declaration (`FMT_CONSTEXPR FMT_INLINE auto f()`,
 * `class FMT_API format_error`) or after a function's parameters (`size() const _GLIBCXX_NOEXCEPT {`),
 * and function-like ones alone on a line without a semicolon
 * (`FMT_PRAGMA_GCC(push_options)`), are blanked out with spaces; `FMT_TRY {` and `FMT_CATCH(…)`
 * read as `try` and `catch`. Unexpanded, tree-sitter reads them as
 * types and misparses what follows (a namespace as a function, a struct swallowing the rest of the
 * file). Offsets stay the same, so edits made on the masked parse apply to the original text.
 */
export function maskMacros(text: string): string {
  return text.replace(/^[^\n]*$/gm, (line) => {
    const trimmed = line.trimStart();
    if (trimmed.startsWith('#') || !trimmed.includes('_')) return line;
    // A function-like macro alone on its line (`FMT_PRAGMA_CLANG(diagnostic push)`): no statement ends it.
    if (CALL_LINE.test(line)) return ' '.repeat(line.length);
    return line.replace(MACRO, (name, at: number) => {
      const before = line.slice(0, at);
      const after = line.slice(at + name.length);
      // `FMT_TRY {` … `FMT_CATCH(...) {`: exceptions spelled as macros (off when a build disables
      // them) read as the keywords, else the handler's braces end the enclosing function or class.
      if (/_TRY$/.test(name) && /^[ \t]*\{/.test(after)) return 'try'.padEnd(name.length);
      if (/_CATCH$/.test(name) && /^[ \t]*\(/.test(after)) return 'catch'.padEnd(name.length);
      const alone = before.trim() === '' && after.trim() === '';
      // Another word follows on the same line: the macro qualifies a declaration. Not before a
      // conversion operator, which tree-sitter reads better with the macro as its "type" (blanked,
      // `operator const T&() const` can turn a whole header into one ERROR node).
      const qualifies = /^[ \t]+[A-Za-z_~]/.test(after) && !/^[ \t]+operator\b/.test(after);
      // `if FMT_CONSTEXPR20 (cond)`: `if constexpr` spelled as a macro.
      const ifQualifier = /\bif[ \t]+$/.test(before) && /^[ \t]*\(/.test(after);
      // `f(int x) const _GLIBCXX_NOEXCEPT {`: an exception or attribute specifier after the parameters.
      const trailing = /(?:\)|\bconst)[ \t]*$/.test(before) && /^[ \t]*(?:[{;:=]|$)/.test(after);
      return alone || qualifies || ifQualifier || trailing ? ' '.repeat(name.length) : name;
    });
  });
}
