import {
  AFTER_KEYS,
  BEFORE_KEYS,
  COLUMN_KEYS,
  LINE_KEYS,
  PATH_KEYS,
  TEXT_KEYS,
} from '../../router/detectors/search-keys.js';
import type { HitLine, SearchHit } from './search-hit.js';

/** A numeric field so named is the tool's own relevance score. */
const SCORE_KEY = /score|relevance/i;
/** Hit arrays are looked for this many objects deep (`{data: {results: [...]}}`). */
const MAX_DEPTH = 3;
const MIN_HITS = 2;

/** A JSON code-search result: its hits, and the document with the hit array taken out. */
export interface JsonSearch {
  hits: SearchHit[];
  /** The items of the hit array as parsed, one per hit (the retrieval units). */
  items: unknown[];
  /** The document around the hit array, compact, the array replaced by `"(N hits)"`; absent when the root is the array. */
  envelope?: string;
  /** Scalar fields every hit shares, shown once instead of per hit. */
  shared: Record<string, unknown>;
}

/**
 * Finds the array of search hits in a parsed JSON document (the root or an array held by an object
 * up to [3] levels down; the largest wins) when every item has a path, a line number and a text.
 */
export function findJsonHits(root: unknown): JsonSearch | undefined {
  let best: { items: unknown[]; at: string[] } | undefined;
  const visit = (value: unknown, at: string[]): void => {
    if (Array.isArray(value)) {
      if (
        value.length >= MIN_HITS &&
        value.length > (best?.items.length ?? 0) &&
        value.every(isHit)
      )
        best = { items: value, at };
      return;
    }
    if (at.length >= MAX_DEPTH || !isRecord(value)) return;
    for (const [key, child] of Object.entries(value)) visit(child, [...at, key]);
  };
  visit(root, []);
  if (!best) return undefined;
  const records = best.items as Record<string, unknown>[];
  const shared = sharedFields(records);
  const hits = records.map((record, index) => toHit(record, index, shared));
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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHit(value: unknown): boolean {
  return isRecord(value) && hitFields(value) !== undefined;
}

/** A hit's path, line number and text, when the record has all three. */
export function hitFields(
  record: Record<string, unknown>,
): { path: string; line: number; text: string } | undefined {
  const path = pathOf(record);
  const line = lineOf(record);
  const text = textOf(record);
  return path && line && text
    ? { path: path.value, line: line.value, text: text.value }
    : undefined;
}

/**
 * The hit a record holds: the record itself, or the one object field that is a hit (`rg --json`
 * wraps each line in `{"type":"match","data":{…}}`); `outer` is the record as given.
 */
export function unwrapHit(
  value: unknown,
): { outer: Record<string, unknown>; record: Record<string, unknown> } | undefined {
  if (!isRecord(value)) return undefined;
  if (isHit(value)) return { outer: value, record: value };
  const inner = Object.values(value).filter(isRecord);
  return inner.length === 1 && isHit(inner[0]) ? { outer: value, record: inner[0]! } : undefined;
}

function firstKey(record: Record<string, unknown>, keys: readonly string[]): string | undefined {
  return keys.find((key) => record[key] !== undefined);
}

/** A string, or ripgrep's `{text: "…"}` wrapper around one. */
function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.text === 'string') return value.text;
  return undefined;
}

function pathOf(record: Record<string, unknown>): { key: string; value: string } | undefined {
  const key = firstKey(record, PATH_KEYS);
  const value = key === undefined ? undefined : stringOf(record[key]);
  return key !== undefined && value ? { key, value } : undefined;
}

function lineOf(record: Record<string, unknown>): { key: string; value: number } | undefined {
  const key = firstKey(record, LINE_KEYS);
  if (key === undefined) return undefined;
  const raw = record[key];
  const value = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : raw;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0
    ? { key, value }
    : undefined;
}

function textOf(record: Record<string, unknown>): { key: string; value: string } | undefined {
  const key = firstKey(record, TEXT_KEYS);
  const value = key === undefined ? undefined : stringOf(record[key]);
  return key !== undefined && value !== undefined ? { key, value } : undefined;
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
    if (!used.has(key) && !(key in shared)) extra[key] = value;
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
