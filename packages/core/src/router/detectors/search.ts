import type { Sample } from '../sample.js';

// A path: one token without spaces (colons allowed before a part that is not a number: `a:b/x.ts`), a
// Windows path (`C:\Program Files\x.txt`, which may hold spaces but no colon after the drive), or a path
// with spaces that ends in a file extension (`My Docs/notes.md`; `isPath` wants a directory too). No branch
// reads past the first colon that is not followed by a name, so matching stays linear.
const MATCH =
  /^((?:[A-Za-z]:[\\/][^:\n]*)|[^\s:]+(?::[^\s:\d][^\s:]*)*|[^:\n]*\.[A-Za-z]\w{0,9}):(\d+):(?:\d+:)?/;
// ripgrep/grep context lines: `path-12-text`; `git grep -p`'s enclosing-function lines: `path=12=text`.
const CONTEXT = /^((?:[A-Za-z]:[\\/])?[^\s:]+?)([-=])(\d+)\2/;
// `grep -n` on one file, or ripgrep's heading mode: `12:text` under a path line. Not `12:30` or `2024-01`.
const BARE = /^(\d{1,7})[:-](?!\d)/;
// A heading's path: one token, no colon past a drive. (The slash-or-dot test is separate: one pattern
// with two runs around it backtracks quadratically on a long line that fails at its end.)
const PATH_LINE = /^(?:[A-Za-z]:[\\/])?[^\s:]*$/;
// `rg -l` / `grep -l` (one path a line, Windows paths with spaces too) and `rg -c` / `grep -c` (`path:12`):
// characters of file names only, so a CSV row (`application/json,json`) is not one.
const LISTED = /^(?:[A-Za-z]:[\\/][^:,;|\t\n]*|[\w.@+~#%()[\]{}$!&/\\-]+)(?::\d+)?$/;

/** One line of a file listing: a path (with a slash or a dot) and maybe a count. One character class per branch, so linear. */
export function isListedFile(line: string): boolean {
  return LISTED.test(line) && /[\\/.]/.test(line);
}
const SLASH = /[\\/]/;
const LOG_PREFIX = /\d[-:/.]\d|\b(?:TRACE|DEBUG|INFO|WARN|WARNING|ERROR|FATAL)\b/i;
// Compiler and linter diagnostics share the `path:line:col:` shape but are build output.
// tsc's pretty form puts the column after the match and a dash before the severity: `a.ts:4:3 - error`.
const DIAGNOSTIC = /^\s*(?:\d+\s*(?:-\s*)?)?(?:fatal error|error|warning|note|remark)\b/i;

// A date or clock the `path:line:` shape cut through: `app.log.2017-05-16_13:53:08 …`, `20171223-22:15:29:606|…`.
const TIME = /\d{1,2}:\d{2}:\d{2}|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}/g;

/**
 * A file name has a letter, a slash or a dot; `20171223-22` is the start of a timestamp. One with
 * blanks (`My Docs/notes.md`) has a directory too (`Ratio 3.5x` is prose), and no date, clock or level
 * word (`2024-01-01 INFO app/db.py:42:` is a log line naming its source).
 */
function isPath(candidate: string): boolean {
  return (
    /[A-Za-z/\\.]/.test(candidate) &&
    /\D/.test(candidate) &&
    (!/\s/.test(candidate) ||
      /^[A-Za-z]:[\\/]/.test(candidate) ||
      (SLASH.test(candidate) && !LOG_PREFIX.test(candidate)))
  );
}

/** True when a time or date spans the character at `at` (the separator after the supposed path). */
function spansTime(line: string, at: number): boolean {
  const head = line.slice(0, at + 12);
  for (const match of head.matchAll(TIME))
    if (match.index < at && match.index + match[0].length > at) return true;
  return false;
}

/** How sure we are that the sample is grep/ripgrep output (`path:line:text`, context lines, Windows paths). */
export function searchConfidence(sample: Sample): number {
  const lines = sample.nonEmpty.slice(0, 200);
  let matches = 0;
  let diagnostics = 0;
  let bare = 0;
  let other = 0;
  // Line numbers of one file's hits rise; a pid or an epoch in front of every log line repeats.
  let rising = 0;
  let previous = -1;
  for (const line of lines) {
    const match = MATCH.exec(line) ?? CONTEXT.exec(line);
    if (match && isPath(match[1]!) && !spansTime(line, match[1]!.length)) {
      if (DIAGNOSTIC.test(line.slice(match[0].length))) diagnostics++;
      else matches++;
    } else if (BARE.test(line)) {
      bare++;
      const number = Number(BARE.exec(line)![1]);
      if (number > previous) rising++;
      previous = number;
    } else if (line === '--' || (PATH_LINE.test(line) && /[\\/.]/.test(line))) {
      other++;
      previous = -1;
    }
  }
  if (bare > 0 && rising < bare * 0.8) bare = 0;
  if (matches + bare < 2) return fileListConfidence(lines);
  if (diagnostics >= matches + bare) return 0;
  const ratio = (matches + bare + other) / lines.length;
  // Without a single `path:line:` line the evidence is weaker (numbered lists exist), so ask for more.
  if (ratio < (matches > 0 ? 0.5 : 0.8)) return 0;
  return Math.min(1, 0.4 + 0.6 * ratio);
}

/** Fewest paths a list needs; share of its lines (a header such as `Found 12 files` may come first). */
const MIN_LISTED = 5;
const LISTED_SHARE = 0.9;

/**
 * The files a search matched, listed one a line (`rg -l`, `grep -rl`, `rg -c`'s `path:count`): paths only,
 * most of them with a directory, so that a list of dotted names (`requests==2.31`, hosts) is not one.
 */
function fileListConfidence(lines: readonly string[]): number {
  let listed = 0;
  let slashed = 0;
  for (const line of lines) {
    if (!isListedFile(line)) continue;
    listed++;
    if (SLASH.test(line)) slashed++;
  }
  // A tool's header line (`Found 12 files`) may come first, however short the list.
  const enough = Math.min(lines.length * LISTED_SHARE, lines.length - 1);
  if (listed < MIN_LISTED || listed < enough || slashed < listed / 2) return 0;
  return 0.7;
}
