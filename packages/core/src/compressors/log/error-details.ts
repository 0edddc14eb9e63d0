import { stripAnsi } from '../../util/strip-ansi.js';
import { lineLevel } from './classify-line.js';
import { lineTime } from './line-time.js';

/** How far below an error its details are looked for (compiler snippets and assertion diffs are short). */
const WINDOW = 30;
/** Changed lines of an assertion diff kept per error: the expected and received values that differ. */
const MAX_CHANGED = 8;
/** Detail lines shown in all: a log of thousands of failures shows the first ones' details. */
const MAX_DETAILS = 80;
/** `src/main.rs:8:21`, `inventory.test.ts:5:42`, `Foo.java:12`: a file with an extension, then a line number. */
const LOCATION = /(?:^|[\s("'❯>@])(?:[\w.~@-]*\/)*[\w.-]*[A-Za-z]\.[A-Za-z]\w{0,7}:\d+\b/;
/** A changed line of an assertion diff (`-   "total": 5,`), not its `- Expected` / `+ Received` legend. */
const CHANGED = /^\s{0,4}[-+]\s+(?!(?:Expected|Received)\b)\S/;

/**
 * Lines that say where and how each error happened: the first source location below it (rustc's
 * `--> src/main.rs:8:21`, vitest's `❯ inventory.test.ts:5:42`) and the changed lines of its assertion
 * diff, each error's (in `errors`, in order) up to the next error and within `WINDOW` lines. They are
 * returned with their error line, whenever they say something not said yet, so an error repeated in
 * other places is shown once per place instead of as one example `(×N)` naming only the first. Only
 * continuation lines are details: the next line with a time or a level of its own ends the search.
 */
export function errorDetails(
  lines: readonly string[],
  errors: readonly number[],
  skip: (index: number) => boolean,
): number[] {
  const starts = new Set(errors);
  const seen = new Set<string>();
  const shown: number[] = [];
  let left = MAX_DETAILS;
  for (const error of errors) {
    if (left <= 0) break;
    const details = detailsBelow(lines, error, starts, skip).filter(
      (i) => !seen.has(lines[i] as string),
    );
    if (details.length === 0) continue;
    for (const i of details.slice(0, left)) {
      seen.add(lines[i] as string);
      shown.push(i);
    }
    shown.push(error);
    left -= details.length;
  }
  return shown;
}

function detailsBelow(
  lines: readonly string[],
  error: number,
  starts: ReadonlySet<number>,
  skip: (index: number) => boolean,
): number[] {
  const details: number[] = [];
  const changed: number[] = [];
  let located = LOCATION.test(stripAnsi(lines[error] as string));
  const end = Math.min(lines.length, error + 1 + WINDOW);
  for (let i = error + 1; i < end && !starts.has(i); i++) {
    if (skip(i)) continue;
    const line = stripAnsi(lines[i] as string);
    // A line with its own time or level is the next record of a log, not a detail of this error.
    if (lineTime(line) || lineLevel(line) !== 'none') break;
    if (!located && LOCATION.test(line)) {
      located = true;
      details.push(i);
    } else if (changed.length < MAX_CHANGED && CHANGED.test(line)) changed.push(i);
  }
  // A diff has both sides; a lone `- item` is a list under the error, not what differs.
  const sides = new Set(changed.map((i) => stripAnsi(lines[i] as string).trimStart()[0]));
  return sides.size === 2 ? [...details, ...changed] : details;
}
