import { stripAnsi } from '../util/strip-ansi.js';

/** The bounded view of a text that detectors look at, so routing costs the same for 5 KB and 50 MB. */
export interface Sample {
  /** The whole text; only the JSON detector reads past the head, and only up to its own cap. */
  text: string;
  /** The first `HEAD_CHARS` characters. */
  head: string;
  /** Complete lines of the head (at most `MAX_LINES`), without line-number gutters or colour codes. */
  lines: string[];
  /** Lines that are not blank, in order. */
  nonEmpty: string[];
  /** True when the text had a `cat -n` / Read-tool gutter that was removed from `lines`. */
  numbered: boolean;
}

/** How much of a text detectors see: the first 64 KB… */
export const HEAD_CHARS = 64 * 1024;
/** …and of that, at most this many lines. */
export const MAX_LINES = 500;
/** Regexes only see this much of one line: a 64 KB minified line must not cost more than a short one. */
const LINE_CHARS = 2000;

const LONG_BLANKS = /[ \t]{33,}/g;
// `cat -n`, `nl` and agent Read tools prefix each line with a right-aligned number and a tab or arrow.
const GUTTER = /^ *\d+(?:\t|→)/;

/** Takes the head of a text and splits it into the lines detectors score. */
export function takeSample(text: string): Sample {
  const head = text.length > HEAD_CHARS ? text.slice(0, HEAD_CHARS) : text;
  // Lone `\r` ends a line too: progress bars redraw with it, and old files use it alone.
  let lines = head.split(/\r\n?|\n/);
  // A line cut by the head limit would look like a malformed line; drop it unless it is all there is.
  if (head.length < text.length && lines.length > 1) lines.pop();
  if (lines.length > MAX_LINES) lines = lines.slice(0, MAX_LINES);
  lines = lines.map((line) => {
    let clean = stripAnsi(line);
    // Long blank runs make unanchored `\s*` patterns quadratic; 32 blanks say as much as 2,000.
    if (clean.length > 64) clean = clean.replace(LONG_BLANKS, (run) => run.slice(0, 32));
    return clean.length > LINE_CHARS ? clean.slice(0, LINE_CHARS) : clean;
  });
  const numbered = hasGutter(lines);
  if (numbered) lines = lines.map((line) => line.replace(GUTTER, ''));
  return { text, head, lines, nonEmpty: lines.filter((line) => line.trim() !== ''), numbered };
}

function hasGutter(lines: readonly string[]): boolean {
  let total = 0;
  let hits = 0;
  for (const line of lines) {
    if (line === '') continue;
    total++;
    if (GUTTER.test(line)) hits++;
  }
  return total >= 3 && hits / total >= 0.9;
}
