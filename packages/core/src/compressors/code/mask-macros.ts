/** An all-caps name with an underscore (`FMT_CONSTEXPR`, `BOOST_FORCEINLINE`): how C and C++ spell macros. */
const MACRO = /\b[A-Z][A-Z0-9]*_[A-Z0-9_]*\b/g;

/**
 * C and C++ as the parser should see it: object-like macros standing alone on a line
 * (`FMT_BEGIN_NAMESPACE`) or in front of a declaration (`FMT_CONSTEXPR FMT_INLINE auto f()`,
 * `class FMT_API format_error`) are blanked out with spaces. Unexpanded, tree-sitter reads them as
 * types and misparses what follows (a namespace as a function, a struct swallowing the rest of the
 * file). Offsets stay the same, so edits made on the masked parse apply to the original text.
 */
export function maskMacros(text: string): string {
  return text.replace(/^[^\n]*$/gm, (line) => {
    const trimmed = line.trimStart();
    if (trimmed.startsWith('#') || !trimmed.includes('_')) return line;
    return line.replace(MACRO, (name, at: number) => {
      const before = line.slice(0, at);
      const after = line.slice(at + name.length);
      const alone = before.trim() === '' && after.trim() === '';
      // Another word follows on the same line: the macro qualifies a declaration.
      const qualifies = /^[ \t]+[A-Za-z_~]/.test(after);
      return alone || qualifies ? ' '.repeat(name.length) : name;
    });
  });
}
