import { isAsciiAlnum } from '../../util/is-ascii-alnum.js';

/** A whitespace-delimited word and where it sits in the text. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/** Splits text on whitespace, keeping each word's offsets so output can reuse the original spacing. */
export function splitWords(text: string): Word[] {
  const words: Word[] = [];
  for (const match of text.matchAll(/\S+/g))
    words.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  return words;
}

// Punctuation that wraps a word in prose without being part of it ("(see foo.ts)," → "foo.ts").
const EDGE_PUNCTUATION = /^[([{<"'`*]+|[)\]}>"'`*,;:.!?]+$/g;
const PROSE_WORD = /^[A-Za-z][a-z]*[)\]}>"'`*,;:.!?]*$/;
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'vs', 'cf', 'a.m', 'p.m', 'u.s']);

const PATTERNS: readonly RegExp[] = [
  /\d/, // numbers, versions, dates, ports, hex with digits, ids
  /^[a-z][a-z0-9+.-]*:\/\/\S/i, // URLs
  /^www\.\S+\.\S/i,
  /^--?[A-Za-z][\w-]*(=\S*)?$/, // CLI flags
  /^[A-Z][A-Z0-9_]*[A-Z0-9]$/, // ALL-CAPS identifiers (two characters or more)
  /^[a-z][a-z0-9]*[A-Z]\w*$/, // camelCase
  /^[A-Z][a-z0-9]+[A-Z]\w*$/, // PascalCase with an inner capital
  /^\w+_\w+$/, // snake_case
  /^[~.]{0,2}\/\S|\S\/\S|\\/, // paths (POSIX and Windows), scoped packages
  /@\S/, // emails, @scope/package, @mentions
  /^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)+$/, // dotted names: file.ts, os.path.join, Node.js
];

/**
 * Whether a word carries a fact the model may need verbatim: numbers, hex/ids, ALL-CAPS identifiers,
 * paths, URLs, CLI flags, camelCase/snake_case identifiers. Quoted strings are spans; see {@link mustKeepWordIndices}.
 */
export function isMustKeepWord(word: string): boolean {
  // A plain or Capitalized word with closing punctuation at most is prose, whatever the patterns say.
  if (PROSE_WORD.test(word)) return false;
  const core = word.replace(EDGE_PUNCTUATION, '');
  if (core.length < 2 || ABBREVIATIONS.has(core.toLowerCase())) return false;
  // Plain lowercase or Capitalized words are prose; skipping them early keeps this cheap.
  if (/^[A-Za-z][a-z]*$/.test(core)) return false;
  return PATTERNS.some((pattern) => pattern.test(core));
}

// Quoted strings: double quotes, backticks, and single quotes that open and close at word edges
// (so apostrophes in "don't" and "users' files" are not quotes). Bounded so a stray quote can't span a page.
// The regex is the definition; quotedSpans finds the same matches by hand.
const QUOTE_SPAN = 200;
const DOUBLE = 34;
const SINGLE = 39;
const BACKTICK = 96;
const NEWLINE = 10;

/** Indices of the words that must survive compression: must-keep words and every word inside a quoted string. */
export function mustKeepWordIndices(text: string, words: readonly Word[]): Set<number> {
  const keep = new Set<number>();
  for (const [index, word] of words.entries()) if (isMustKeepWord(word.text)) keep.add(index);
  const spans = quotedSpans(text);
  if (spans.length === 0) return keep;
  let s = 0;
  for (const [index, word] of words.entries()) {
    while (s < spans.length && spans[s]![1] <= word.start) s += 1;
    const span = spans[s];
    if (span && word.start < span[1] && word.end > span[0]) keep.add(index);
  }
  return keep;
}

/**
 * The quoted strings of `text` as [start, end) offsets, in order and not overlapping: the matches of
 * `/"[^"\n]{1,200}"|`[^`\n]{1,200}`|(?<![\w'])'[^'\n]{1,200}'(?![\w'])/g`, found in one scan. That regex,
 * with its lookbehind tried at every character, was a fifth of the prose compressor's word pass.
 */
export function quotedSpans(text: string): Array<readonly [number, number]> {
  const spans: Array<readonly [number, number]> = [];
  const n = text.length;
  let at = 0;
  while (at < n) {
    const quote = text.charCodeAt(at);
    if (quote !== DOUBLE && quote !== BACKTICK && quote !== SINGLE) {
      at++;
      continue;
    }
    // A single quote opens only after a character that is not a word character or another single quote.
    if (quote === SINGLE && at > 0 && isWordOrSingle(text.charCodeAt(at - 1))) {
      at++;
      continue;
    }
    // No character inside may be the quote or a newline, so only the first of those can close it.
    const limit = Math.min(n, at + QUOTE_SPAN + 2);
    let close = at + 1;
    while (close < limit) {
      const code = text.charCodeAt(close);
      if (code === quote || code === NEWLINE) break;
      close++;
    }
    const closes =
      close < limit &&
      text.charCodeAt(close) === quote &&
      close > at + 1 &&
      (quote !== SINGLE || close + 1 >= n || !isWordOrSingle(text.charCodeAt(close + 1)));
    if (!closes) {
      at++;
      continue;
    }
    spans.push([at, close + 1]);
    at = close + 1;
  }
  return spans;
}

/** `[\w']` without the `u` flag: ASCII letters, digits, `_` and `'`. */
function isWordOrSingle(code: number): boolean {
  return isAsciiAlnum(code) || code === 95 || code === SINGLE;
}
