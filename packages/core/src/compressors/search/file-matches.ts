import { MATCH_LIST_KEYS } from '../../router/detectors/search-keys.js';
import { isRecord } from '../../util/is-record.js';
import { lineOf, pathOf, repoOf, textOf } from './hit-fields.js';
import type { SearchHit } from './search-hit.js';

const SCORE_KEY = /score|relevance/i;

/** A file result's list of matches (Sourcegraph's `lineMatches`/`chunkMatches`, GitHub's `text_matches`), each with a text. */
function matchListOf(record: Record<string, unknown>): Record<string, unknown>[] | undefined {
  for (const key of MATCH_LIST_KEYS) {
    const list = record[key];
    if (Array.isArray(list) && list.every((m) => isRecord(m) && textOf(m) !== undefined))
      return list as Record<string, unknown>[];
  }
  return undefined;
}

/** A file result: a path (`path`, `file: {path}`) and a list of matches in it. */
export function isFileMatch(value: unknown): boolean {
  return isRecord(value) && pathOf(value) !== undefined && matchListOf(value) !== undefined;
}

/** How many hits file results hold. */
export function matchCount(items: readonly unknown[]): number {
  return items.reduce<number>(
    (n, item) => n + (isRecord(item) ? (matchListOf(item)?.length ?? 0) : 0),
    0,
  );
}

/**
 * The hits of file results, one per match, in order. Paths get their repository in front when the
 * results span several (`jquery/jquery/src/core.js`); one repository for all goes to `shared`. A match
 * without a line number (GitHub's fragments) is numbered by its place in the file and marked `unnumbered`.
 * Line numbers are the tool's own (Sourcegraph counts from 0).
 */
export function fileMatchHits(items: readonly Record<string, unknown>[]): {
  hits: SearchHit[];
  shared: Record<string, unknown>;
} {
  const repos = items.map(repoOf);
  const oneRepo = repos.every((r) => r?.value === repos[0]?.value) ? repos[0] : undefined;
  const hits: SearchHit[] = [];
  for (const [i, item] of items.entries()) {
    const repo = repos[i];
    const file = pathOf(item)!.value;
    const path = repo && !oneRepo ? `${repo.value}/${file}` : file;
    const score = Object.entries(item).find(
      ([key, value]) => SCORE_KEY.test(key) && typeof value === 'number' && Number.isFinite(value),
    )?.[1] as number | undefined;
    for (const [k, match] of (matchListOf(item) ?? []).entries()) {
      const numbered = lineOf(match)?.value;
      const start = numbered ?? k + 1;
      const lines = textOf(match)!
        .value.replace(/\r?\n$/, '')
        .split('\n');
      // A snippet of several lines: the match is where the tool's ranges point, else its first line.
      const at = Math.min(lines.length - 1, matchRow(match, lines));
      const line = start + at;
      const numberedFrom = (from: number) => (text: string, j: number) => ({
        line: from + j,
        text,
      });
      hits.push({
        index: hits.length,
        path,
        line,
        text: lines[at]!,
        before: lines.slice(0, at).map(numberedFrom(start)),
        after: lines.slice(at + 1).map(numberedFrom(line + 1)),
        ...(numbered === undefined ? { unnumbered: true } : {}),
        ...(score !== undefined ? { toolScore: score } : {}),
      });
    }
  }
  return { hits, shared: oneRepo ? { [oneRepo.key]: oneRepo.value } : {} };
}

/**
 * Which line of a match's snippet holds the match: GitHub gives character `indices` into the
 * fragment, Sourcegraph's chunk `ranges` give lines (counted like `contentStart.line`).
 */
function matchRow(match: Record<string, unknown>, lines: readonly string[]): number {
  const first = (list: unknown): Record<string, unknown> | undefined =>
    Array.isArray(list) && isRecord(list[0]) ? list[0] : undefined;
  const indices = first(match.matches)?.indices;
  if (Array.isArray(indices) && typeof indices[0] === 'number') {
    let offset = indices[0];
    for (const [row, text] of lines.entries()) {
      if (offset <= text.length) return row;
      offset -= text.length + 1;
    }
  }
  const rangeStart = first(match.ranges)?.start;
  const startLine = lineOf(match)?.value;
  if (isRecord(rangeStart) && typeof rangeStart.line === 'number' && startLine !== undefined)
    return Math.max(0, rangeStart.line - startLine);
  return 0;
}
