import type { Sample } from '../sample.js';

/**
 * Per-line shape statistics of a sample, for telling line-oriented records (logs of any program) from
 * prose and data without a list of known formats: where a time-like token sits in a line's first fields,
 * how often lines share one field layout, and how many lines read as sentences.
 */
export interface LineShape {
  /** Lines judged (non-blank, not rules). */
  lines: number;
  /** Share of lines with a time-like token (clock, date, epoch, elapsed time) in their first fields. */
  timed: number;
  /** Share of lines whose first fields have the most common layout (kinds of token, separators). */
  layout: number;
  /** Share of lines with the most common field separator count (`|`, tab, `,`) of at least two. */
  separated: number;
  /** Share of lines that read as sentences: words, capital start, end punctuation, no time-like token. */
  sentences: number;
  /** Share of lines whose first field is one repeated tag followed by a level-like word (`npm silly …`). */
  tagged: number;
  /** Share of untimed lines written as `Key: value` (multi-line records such as apt's history log). */
  keyed: number;
}

/** Fields of a line looked at for a time-like token: a file name, an id or a host may come first. */
const FIRST_FIELDS = 5;
const RULE = /^\s*(?:[=\-*_~#]\s*){3,}$/;
const FIELD_SPLIT = /[\s|,;]+/;
// hh:mm:ss with optional fraction (`22:15:29:606`, `13:55:36,429`); a colon before it is allowed (`2000:13:55:36`).
const CLOCK = /(?<![\d.])\d{1,2}:\d{2}:\d{2}(?:[.,:]\d+)?(?!\d)/;
// A calendar date with a plausible year first: `2017-05-16`, `2005.11.09`, `20171223`, `2017/05/16`.
const DATE = /(?<!\d)(?:19|20)\d{2}([-/.]?)(?:0[1-9]|1[0-2])\1(?:0[1-9]|[12]\d|3[01])(?!\d)/;
// Day-month-year and month-day-year dates: `16/05/2017`, `05-16-2017`, `10/Oct/2000`.
const DMY = /(?<!\d)\d{1,2}[-/.](?:\d{1,2}|[A-Z][a-z]{2})[-/.](?:19|20)\d{2}(?!\d)/;
// Unix seconds (2001–2033) or milliseconds, optionally with a fraction, as a whole field.
const EPOCH = /^\[?1\d{9}(?:\d{3})?(?:\.\d+)?\]?:?$/;
const KEY = /^[{[]*"?[A-Za-z_@][\w@-]*"?[=:]"?(?=\d)/;
// Seconds since boot in brackets (dmesg, journalctl -o short-monotonic): `[    5.123456]`.
const UPTIME = /^\[\s*\d+\.\d{3,}\]/;
// Elapsed or relative times as a field: `12ms`, `1.5s`, `5m`, `2m30s` (kubectl's LAST SEEN).
const DURATION = /^\d+(?:\.\d+)?(?:ms|s|m|h|d)(?:\d+[smh])?:?$/;
const MONTH = /^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*$/;
const LEVEL =
  /^[[(<]?(?:trace|debug|info|notice|warn|warning|error|err|fatal|crit|critical|alert|emerg|silly|verb|verbose|timing|http|sill|severe|fine|finer|finest|config)[\])>:]?$/i;
// Prose: a line of six or more words, nearly all of them plain words (a wrapped sentence need not end in a stop).
const WORD = /^["'(“]?[A-Za-z][a-z'’-]*[)"”]?[.,;:?!]?$/;
// `Start-Date: 2024-03-14`, `Commandline: apt-get install …`: records written as one `Key: value` per line.
const KEYED = /^[A-Z][\w-]*: \S/;

/** Shape statistics of a sample's non-blank lines. */
export function lineShape(sample: Sample): LineShape {
  const layouts = new Map<string, number>();
  const separators = new Map<string, number>();
  const firstFields = new Map<string, number>();
  let lines = 0;
  let timed = 0;
  let sentences = 0;
  let leveled = 0;
  let keyed = 0;
  for (const line of sample.nonEmpty) {
    if (RULE.test(line)) continue;
    lines++;
    const fields = line.trim().split(FIELD_SPLIT, FIRST_FIELDS + 1);
    const hasTime = timeLike(line, fields);
    if (hasTime) timed++;
    else if (isProse(line)) sentences++;
    else if (KEYED.test(line)) keyed++;
    const layout = fields.slice(0, 4).map(fieldKind).join('');
    layouts.set(layout, (layouts.get(layout) ?? 0) + 1);
    const separator = separatorCount(line);
    if (separator) separators.set(separator, (separators.get(separator) ?? 0) + 1);
    // `npm silly …`, `12 verbose …` (npm's debug log): one tag, or a line counter, then a level word.
    const first = fields[0] ?? '';
    if (fields.length > 1 && LEVEL.test(fields[1]!) && !LEVEL.test(first)) {
      leveled++;
      const tag = /^\d+$/.test(first) ? '<n>' : first;
      firstFields.set(tag, (firstFields.get(tag) ?? 0) + 1);
    }
  }
  if (lines === 0)
    return { lines, timed: 0, layout: 0, separated: 0, sentences: 0, tagged: 0, keyed: 0 };
  const top = (counts: Map<string, number>) => Math.max(0, ...counts.values()) / lines;
  return {
    lines,
    timed: timed / lines,
    layout: top(layouts),
    separated: top(separators),
    sentences: sentences / lines,
    tagged: leveled > 0 ? top(firstFields) : 0,
    keyed: keyed / lines,
  };
}

function isProse(line: string): boolean {
  const words = line.trim().split(/\s+/);
  if (words.length < 6) return false;
  let plain = 0;
  for (const word of words) if (WORD.test(word)) plain++;
  return plain / words.length >= 0.8;
}

/** True when a time-like token sits in the line's first fields (or it opens with an uptime stamp). */
function timeLike(line: string, fields: readonly string[]): boolean {
  if (UPTIME.test(line)) return true;
  const head = fields.slice(0, FIRST_FIELDS);
  for (const [i, raw] of head.entries()) {
    // A key-value field is judged by its value: `"time":1710406800000`, `ts=2024-03-14T09:00:00Z`.
    const field = raw.replace(KEY, '');
    if (CLOCK.test(field) || DATE.test(field) || DMY.test(field) || EPOCH.test(field)) return true;
    if (i === 0 && DURATION.test(field)) return true;
    // `Nov 9 12:01` and `30 Nov 2026`: a month name beside a day number.
    if (
      MONTH.test(field) &&
      (/^\d{1,2}$/.test(head[i + 1] ?? '') || /^\d{1,2}$/.test(head[i - 1] ?? ''))
    )
      return true;
    // `12 ms:` — an elapsed time split over two fields (node --trace-gc).
    if (/^\d+(?:\.\d+)?$/.test(field) && /^(?:ms|s|sec|µs|us):?$/.test(head[i + 1] ?? ''))
      return true;
  }
  return false;
}

// One letter per field: time-like, number, hex/id, word, bracketed, other. `2017-05-16 00:00:00.008 25746 INFO` → TTNW.
function fieldKind(field: string): string {
  if (CLOCK.test(field) || DATE.test(field) || EPOCH.test(field)) return 'T';
  if (/^[[(<]/.test(field)) return 'B';
  if (/^-?\d+(?:\.\d+)?$/.test(field)) return 'N';
  if (/^[A-Za-z][\w.$-]*:?$/.test(field)) return 'W';
  if (/\d/.test(field)) return 'I';
  return 'O';
}

// `|` and tab counts mark delimited records; a count under two says nothing.
function separatorCount(line: string): string | undefined {
  let pipes = 0;
  let tabs = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === 124) pipes++;
    else if (c === 9) tabs++;
  }
  if (pipes >= 2) return `|${pipes}`;
  if (tabs >= 2) return `\t${tabs}`;
  return undefined;
}
