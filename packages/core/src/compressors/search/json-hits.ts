import { AFTER_KEYS, BEFORE_KEYS, COLUMN_KEYS } from '../../router/detectors/search-keys.js';
import { isRecord } from '../../util/is-record.js';
import { firstKey, isHit, lineOf, pathOf, stringOf, textOf } from './hit-fields.js';
import { centerSnippets } from './center-snippets.js';
import { fileMatchHits, isFileMatch, matchCount } from './file-matches.js';
import type { HitLine, SearchHit } from './search-hit.js';

/** A numeric field so named is the tool's own relevance score. */
const SCORE_KEY = /score|relevance/i;
/** Hit arrays are looked for this many objects deep (Sourcegraph's `{data: {search: {results: {results: [...]}}}}`). */
const MAX_DEPTH = 4;
const MIN_HITS = 2;

/** A JSON code-search result: its hits, and the document with the hit array taken out. */
export interface JsonSearch {
  hits: SearchHit[];
  /** The items of the hit array as parsed, one per hit or per file result (the retrieval units). */
  items: unknown[];
  /** The document around the hit array, compact, the array replaced by `"(N hits)"`; absent when the root is the array. */
  envelope?: string;
  /** Scalar fields every hit shares, shown once instead of per hit. */
  shared: Record<string, unknown>;
}

/**
 * Finds the array of search hits in a parsed JSON document (the root or an array held by an object
 * up to [4] levels down; the one with most hits wins): items that each have a path, a line number and
 * a text, or file results that each hold a list of matches (Sourcegraph, GitHub text matches).
 */
export function findJsonHits(root: unknown): JsonSearch | undefined {
  let best: { items: unknown[]; at: string[]; size: number; files: boolean } | undefined;
  const visit = (value: unknown, at: string[]): void => {
    if (Array.isArray(value)) {
      if (value.length === 0) return;
      const files = value.every(isFileMatch);
      const size = files ? matchCount(value) : value.length;
      if (size >= MIN_HITS && size > (best?.size ?? 0) && (files || value.every(isHit)))
        best = { items: value, at, size, files };
      return;
    }
    if (at.length >= MAX_DEPTH || !isRecord(value)) return;
    for (const [key, child] of Object.entries(value)) visit(child, [...at, key]);
  };
  visit(root, []);
  if (!best) return undefined;
  const records = best.items as Record<string, unknown>[];
  let hits: SearchHit[];
  let shared: Record<string, unknown>;
  if (best.files) ({ hits, shared } = fileMatchHits(records));
  else {
    shared = sharedFields(records);
    hits = centerSnippets(records.map((record, index) => toHit(record, index, shared)));
  }
  const envelope =
    best.at.length > 0
      ? JSON.stringify(replaceAt(root, best.at, `(${hits.length} hits)`))
      : undefined;
  return { hits, items: best.items, shared, ...(envelope ? { envelope } : {}) };
}

/** A copy of `value` with the value at `path` replaced (only the objects on the path are copied). */
function replaceAt(value: unknown, path: readonly string[], replacement: unknown): unknown {
  if (path.length === 0 || !isRecord(value)) return replacement;
  const [key, ...rest] = path as [string, ...string[]];
  return { ...value, [key]: replaceAt(value[key], rest, replacement) };
}

/** Context as an array of lines or one multi-line string. */
function contextOf(
  record: Record<string, unknown>,
  keys: readonly string[],
): {
  key?: string;
  lines: string[];
} {
  const key = firstKey(record, keys);
  if (key === undefined) return { lines: [] };
  const value = record[key];
  if (typeof value === 'string') return { key, lines: value.split('\n') };
  if (Array.isArray(value) && value.every((v) => stringOf(v) !== undefined))
    return { key, lines: value.map((v) => stringOf(v) as string) };
  return { lines: [] };
}

/** Scalar fields with one value across every hit (a repository, a language, a branch). */
function sharedFields(records: readonly Record<string, unknown>[]): Record<string, unknown> {
  const first = records[0] ?? {};
  const shared: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(first)) {
    if (value !== null && typeof value === 'object') continue;
    if (records.every((r) => r[key] === value)) shared[key] = value;
  }
  return shared;
}

function toHit(
  record: Record<string, unknown>,
  index: number,
  shared: Record<string, unknown>,
): SearchHit {
  const path = pathOf(record)!;
  const line = lineOf(record)!;
  const text = textOf(record)!;
  const before = contextOf(record, BEFORE_KEYS);
  const after = contextOf(record, AFTER_KEYS);
  // A multi-line text (a snippet) is the hit's block: its first line is the match.
  const [first = '', ...rest] = text.value.split('\n');
  const numbered = (lines: string[], start: number): HitLine[] =>
    lines.map((t, i) => ({ line: start + i, text: t }));
  const columnKey = firstKey(record, COLUMN_KEYS);
  const column = columnKey === undefined ? undefined : record[columnKey];
  const numericColumn = typeof column === 'number' ? column : undefined;
  const used = new Set([path.key, line.key, text.key, before.key, after.key]);
  if (numericColumn !== undefined) used.add(columnKey);
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record))
    if (!used.has(key) && !(key in shared) && !partOfPath(value, path.value)) extra[key] = value;
  const scoreKey = Object.keys(extra).find(
    (key) => SCORE_KEY.test(key) && typeof extra[key] === 'number' && Number.isFinite(extra[key]),
  );
  return {
    index,
    path: path.value,
    ...(scoreKey ? { toolScore: extra[scoreKey] as number } : {}),
    line: line.value,
    ...(numericColumn !== undefined && !(columnKey! in shared) ? { column: numericColumn } : {}),
    text: first,
    before: numbered(before.lines, line.value - before.lines.length),
    after: numbered([...rest, ...after.lines], line.value + 1),
    ...(Object.keys(extra).length > 0 ? { extra } : {}),
  };
}

/** A field that repeats part of the path (GitLab's `filename`, `basename`) says nothing more. */
function partOfPath(value: unknown, path: string): boolean {
  return typeof value === 'string' && value !== '' && path.includes(value);
}
