import type { Hunk } from './parse-diff.js';

/** Added and deleted line counts of a hunk. */
export function hunkStat(hunk: Hunk): { added: number; deleted: number } {
  let added = 0;
  let deleted = 0;
  for (const line of hunk.lines) {
    if (line[0] === '+') added++;
    else if (line[0] === '-') deleted++;
  }
  return { added, deleted };
}

/** True when the hunk only changes whitespace: the same non-blank lines are removed and added, modulo spacing. */
export function isWhitespaceOnly(hunk: Hunk): boolean {
  if (hunk.combined) return false;
  const squash = (mark: string): string[] =>
    hunk.lines
      .filter((l) => l[0] === mark)
      .map((l) => l.slice(1).replace(/\s+/g, ''))
      .filter(Boolean)
      .sort();
  const removed = squash('-');
  const added = squash('+');
  const changed = hunk.lines.some((l) => l[0] === '+' || l[0] === '-');
  return changed && removed.length === added.length && removed.every((l, i) => l === added[i]);
}

/**
 * Keeps every changed line with `context` lines around it. Where trimming opens a gap the hunk
 * splits in two, each part with a correct `@@` header, so the result is still a valid diff.
 * Returns the lines to emit (headers included) and how many context lines were dropped.
 */
export function trimHunk(hunk: Hunk, context: number): { lines: string[]; dropped: number } {
  const body = hunk.lines;
  if (hunk.combined) return { lines: [hunk.header, ...body], dropped: 0 };
  const keep = body.map(() => false);
  for (const [i, line] of body.entries()) {
    if (line[0] !== '+' && line[0] !== '-') continue;
    for (let j = Math.max(0, i - context); j <= Math.min(body.length - 1, i + context); j++)
      keep[j] = true;
  }
  for (const [i, line] of body.entries())
    if (line[0] === '\\' && i > 0 && keep[i - 1]) keep[i] = true;
  const dropped = keep.filter((k) => !k).length;
  if (dropped === 0) return { lines: [hunk.header, ...body], dropped: 0 };

  const out: string[] = [];
  // A side with no lines names the line *before* the change (`@@ -0,0 +1,3 @@`).
  let oldLine = body.some((l) => l[0] !== '+' && l[0] !== '\\') ? hunk.oldStart : hunk.oldStart + 1;
  let newLine = body.some((l) => l[0] !== '-' && l[0] !== '\\') ? hunk.newStart : hunk.newStart + 1;
  let first = true;
  let i = 0;
  while (i < body.length) {
    if (!keep[i]) {
      const mark = body[i]![0];
      if (mark !== '+' && mark !== '\\') oldLine++;
      if (mark !== '-' && mark !== '\\') newLine++;
      i++;
      continue;
    }
    const run: string[] = [];
    const oldStart = oldLine;
    const newStart = newLine;
    let oldCount = 0;
    let newCount = 0;
    while (i < body.length && keep[i]) {
      const line = body[i] as string;
      const mark = line[0];
      if (mark !== '+' && mark !== '\\') {
        oldCount++;
        oldLine++;
      }
      if (mark !== '-' && mark !== '\\') {
        newCount++;
        newLine++;
      }
      run.push(line);
      i++;
    }
    out.push(
      `@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@${first ? hunk.section : ''}`,
      ...run,
    );
    first = false;
  }
  return { lines: out, dropped };
}

/** `start,count` as unified diffs write it: a count of 1 is implied, an empty range names the line before. */
function range(start: number, count: number): string {
  if (count === 0) return `${start - 1},0`;
  return count === 1 ? `${start}` : `${start},${count}`;
}
