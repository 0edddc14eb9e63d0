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
const QUOTED = /"[^"\n]{1,200}"|`[^`\n]{1,200}`|(?<![\w'])'[^'\n]{1,200}'(?![\w'])/g;

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

/** The quoted strings of `text` as [start, end) offsets, in order and not overlapping. */
export function quotedSpans(text: string): Array<readonly [number, number]> {
  // Most sentences have no quote character at all; the regex with its lookbehind is the costly part.
  if (!/["`']/.test(text)) return [];
  return [...text.matchAll(QUOTED)].map((m) => [m.index, m.index + m[0].length] as const);
}
