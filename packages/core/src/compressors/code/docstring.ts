/**
 * A Python docstring cut to its first line and closed with its own quotes
 * (`"""Summary.\n\n  More…"""` → `"""Summary."""`), or `undefined` when that can't be done
 * safely (f-strings, a first line ending in a quote or backslash, no text).
 */
export function docstringFirstLine(literal: string): string | undefined {
  const match = /^([rRuUbB]{0,2})("""|'''|"|')/.exec(literal);
  if (!match || !literal.includes('\n')) return undefined;
  const [opening, prefix, quote] = match as unknown as [string, string, string];
  const first = literal
    .slice(opening.length)
    .split('\n')
    .map((line) => line.trim())
    .find((line) => line !== '');
  if (!first || first.startsWith(quote) || /["'\\]$/.test(first)) return undefined;
  return `${prefix}${quote}${first}${quote}`;
}
