/**
 * A hand-written pre-tokenizer for ASCII text, equal to tiktoken's regex wherever it answers.
 * The regex with Unicode property classes runs at ~20 MB/s and is most of the cost of a count;
 * code, logs and JSON are nearly all ASCII. `scan` returns where the piece starting at `at` ends,
 * or -1 when deciding would mean looking at a non-ASCII letter, number, mark or space — the caller
 * then asks the regex for that one piece. Other non-ASCII characters (curly quotes, dashes, emoji)
 * are punctuation to both patterns, so the scanner takes them as such: the regex is costly to build
 * (~30 ms, most of a cold start's first call) and one curly quote should not make a text pay it.
 * Matches depend only on their start and what follows (the patterns have lookahead, no
 * lookbehind), so switching between the two at piece boundaries is exact.
 */
export type AsciiScanner = (text: string, at: number) => number;

const UPPER = 1;
const LOWER = 2;
const DIGIT = 4;
const SPACE = 8; // JavaScript's \s within ASCII: \t \n \v \f \r and space
const NEWLINE = 16; // \r \n
const OTHER = 32; // neither \s, a letter nor a digit: punctuation and control characters
const kind = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if (c >= 65 && c <= 90) kind[c] = UPPER;
  else if (c >= 97 && c <= 122) kind[c] = LOWER;
  else if (c >= 48 && c <= 57) kind[c] = DIGIT;
  else if (c === 10 || c === 13) kind[c] = SPACE | NEWLINE;
  else if (c === 9 || c === 11 || c === 12 || c === 32) kind[c] = SPACE;
  else kind[c] = OTHER;
}
const LETTER = UPPER | LOWER;
const APOSTROPHE = 39;
const SLASH = 47;
const UNKNOWN = -1;

/** One non-ASCII code point that is neither a letter, a number, a mark nor `\s`. */
const NON_ASCII_OTHER = /[^\p{L}\p{N}\p{M}\s]/uy;

/** Kind of the character at `i`: 0 past the end, -1 when it is a non-ASCII letter, number, mark or space. */
function kindAt(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return kind[c]!;
  // The second half of a surrogate pair is only asked about once the first was found to be
  // punctuation; on its own it is a lone surrogate, punctuation too: the pair's kind either way.
  NON_ASCII_OTHER.lastIndex = i;
  return NON_ASCII_OTHER.test(text) ? OTHER : UNKNOWN;
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** End of the optional `[^\r\n\p{L}\p{N}]` before letters, given the kind of the character at `at`: a whole code point. */
function prefixEnd(text: string, at: number, first: number): number {
  if (first & (LETTER | DIGIT | NEWLINE)) return at;
  const pair =
    isHighSurrogate(text.charCodeAt(at)) &&
    at + 1 < text.length &&
    isLowSurrogate(text.charCodeAt(at + 1));
  return pair ? at + 2 : at + 1;
}

/** End of an English contraction (`'s`, `'T`, `'re`, `'LL`…) at `i`, or `i` when there is none. */
function contractionEnd(text: string, i: number): number {
  // Every read is bounds-checked: one past the end would deoptimize the counter on its first cold texts.
  if (i + 1 >= text.length || text.charCodeAt(i) !== APOSTROPHE) return i;
  const a = text.charCodeAt(i + 1) | 32; // lower-case ASCII letters
  if (a === 115 || a === 116 || a === 109 || a === 100) return i + 2; // s t m d
  if (i + 2 >= text.length) return i;
  const b = text.charCodeAt(i + 2) | 32;
  if ((a === 114 && b === 101) || (a === 118 && b === 101) || (a === 108 && b === 108))
    return i + 3; // re ve ll
  return i;
}

/** Skips characters of kind `mask`; -1 when a non-ASCII character ends the run (it might belong to it). */
function runEnd(text: string, i: number, mask: number): number {
  for (;;) {
    const k = kindAt(text, i);
    if (k === UNKNOWN) return UNKNOWN;
    if ((k & mask) === 0) return i;
    i++;
  }
}

/** `\p{N}{1,3}`, `\s*[\r\n]+`, `\s+(?!\S)`, `\s+` — the alternatives both patterns end with. */
function digitsOrSpace(text: string, at: number, first: number): number {
  if (first & DIGIT) {
    let i = at + 1;
    for (; i < at + 3; i++) {
      const k = kindAt(text, i);
      if (k === UNKNOWN) return UNKNOWN;
      if ((k & DIGIT) === 0) break;
    }
    return i;
  }
  const end = runEnd(text, at, SPACE);
  if (end < 0) return UNKNOWN;
  for (let i = end - 1; i >= at; i--) if (kind[text.charCodeAt(i)]! & NEWLINE) return i + 1;
  if (end === text.length || end - at === 1) return end;
  return end - 1;
}

/** ` ?[^\s\p{L}\p{N}]+` then `[\r\n]*` (cl100k) or `[\r\n/]*` (o200k); -2 when it does not match. */
function punctuation(text: string, at: number, trailing: number): number {
  let i = at;
  if (text.charCodeAt(i) === 32) i++;
  const start = i;
  i = runEnd(text, i, OTHER);
  if (i < 0) return UNKNOWN;
  if (i === start) return -2;
  for (; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13 && c !== trailing) break;
  }
  return i;
}

/** o200k_base: letters split by case (`[Lu…]*[Ll…]+` or `[Lu…]+[Ll…]*`), contractions attached. */
function scanO200k(text: string, at: number): number {
  const first = kindAt(text, at);
  if (first === UNKNOWN) return UNKNOWN;
  const i = prefixEnd(text, at, first);
  const upperEnd = runEnd(text, i, UPPER);
  if (upperEnd < 0) return UNKNOWN;
  const next = kindAt(text, upperEnd);
  if (next === UNKNOWN) return UNKNOWN;
  if (next & LOWER) {
    const lowerEnd = runEnd(text, upperEnd, LOWER);
    if (lowerEnd < 0) return UNKNOWN;
    return contractionEnd(text, lowerEnd);
  }
  if (upperEnd > i) return contractionEnd(text, upperEnd);
  if (first & DIGIT || first & SPACE) {
    if (text.charCodeAt(at) === 32) {
      const end = punctuation(text, at, SLASH);
      if (end !== -2) return end;
    }
    return digitsOrSpace(text, at, first);
  }
  return punctuation(text, at, SLASH);
}

/** cl100k_base: a contraction on its own, then `[^\r\n\p{L}\p{N}]?\p{L}+`. */
function scanCl100k(text: string, at: number): number {
  const first = kindAt(text, at);
  if (first === UNKNOWN) return UNKNOWN;
  const contraction = contractionEnd(text, at);
  if (contraction > at) return contraction;
  const i = prefixEnd(text, at, first);
  const next = kindAt(text, i);
  if (next === UNKNOWN) return UNKNOWN;
  if (next & LETTER) return runEnd(text, i, LETTER);
  if (first & DIGIT || first & SPACE) {
    if (text.charCodeAt(at) === 32) {
      const end = punctuation(text, at, -1);
      if (end !== -2) return end;
    }
    return digitsOrSpace(text, at, first);
  }
  return punctuation(text, at, -1);
}

const O200K_PATTERN =
  "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)?|[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)?|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const CL100K_PATTERN =
  "('s|'S|'t|'T|'re|'rE|'Re|'RE|'ve|'vE|'Ve|'VE|'m|'M|'ll|'lL|'Ll|'LL|'d|'D)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

/** The scanner for a js-tiktoken pattern, or undefined for a pattern this file does not know (the regex alone is used). */
export function asciiScannerFor(pattern: string): AsciiScanner | undefined {
  if (pattern === O200K_PATTERN) return scanO200k;
  if (pattern === CL100K_PATTERN) return scanCl100k;
  return undefined;
}
