/** Inputs every line-based compressor must survive: binary, lone surrogates with CRs, 200 kB lines (plain and path-like), blank lines. */
export function hostileTexts(): string[] {
  return [
    '\u0000\u0001\uFFFD'.repeat(5000),
    Array.from({ length: 80 }, (_, i) => `ERROR \uD800 lone surrogate ${i}\r`).join('\n'),
    `${'x'.repeat(200_000)}\n`.repeat(60),
    '\n'.repeat(5000),
    // A 200 kB path-like line that fails at its end, under which a heading-mode line follows:
    // patterns with two overlapping runs around a slash backtrack quadratically on it.
    `${'a/'.repeat(100_000)}:\n12:x\n${'b/'.repeat(100_000)} \n`,
  ];
}
