/** Inputs every line-based compressor must survive: binary, lone surrogates with CRs, 200 kB lines, blank lines. */
export function hostileTexts(): string[] {
  return [
    '\u0000\u0001\uFFFD'.repeat(5000),
    Array.from({ length: 80 }, (_, i) => `ERROR \uD800 lone surrogate ${i}\r`).join('\n'),
    `${'x'.repeat(200_000)}\n`.repeat(60),
    '\n'.repeat(5000),
  ];
}
