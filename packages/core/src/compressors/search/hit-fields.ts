import { LINE_KEYS, PATH_KEYS, REPO_KEYS, TEXT_KEYS } from '../../router/detectors/search-keys.js';
import { isRecord } from '../../util/is-record.js';

/** A field a hit was read from, and the value read. */
export interface Field<T> {
  key: string;
  value: T;
}

export function firstKey(
  record: Record<string, unknown>,
  keys: readonly string[],
): string | undefined {
  return keys.find((key) => record[key] !== undefined);
}

/** The first of `keys` whose value `read` accepts. */
function firstRead<T>(
  record: Record<string, unknown>,
  keys: readonly string[],
  read: (value: unknown) => T | undefined,
): Field<T> | undefined {
  for (const key of keys) {
    if (record[key] === undefined) continue;
    const value = read(record[key]);
    if (value !== undefined) return { key, value };
  }
  return undefined;
}

/** A string, or ripgrep's `{text: "…"}` wrapper around one. */
export function stringOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isRecord(value) && typeof value.text === 'string') return value.text;
  return undefined;
}

/** A path as a string, rg's `{text}` or Sourcegraph's `file: {path}`. */
export function pathOf(record: Record<string, unknown>): Field<string> | undefined {
  return firstRead(record, PATH_KEYS, (value) => {
    const path = stringOf(value) ?? (isRecord(value) ? value.path : undefined);
    return typeof path === 'string' && path !== '' ? path : undefined;
  });
}

/** A line number, as a number, a string of digits or Sourcegraph's `contentStart: {line}`. */
export function lineOf(record: Record<string, unknown>): Field<number> | undefined {
  return firstRead(record, LINE_KEYS, (raw) => {
    const inner = isRecord(raw) ? raw.line : raw;
    const value = typeof inner === 'string' && /^\d{1,9}$/.test(inner) ? Number(inner) : inner;
    return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : undefined;
  });
}

export function textOf(record: Record<string, unknown>): Field<string> | undefined {
  return firstRead(record, TEXT_KEYS, stringOf);
}

/** The repository a result is in: a name, or an object's `full_name`/`name`. */
export function repoOf(record: Record<string, unknown>): Field<string> | undefined {
  return firstRead(record, REPO_KEYS, (value) => {
    const name = isRecord(value) ? (value.full_name ?? value.name) : value;
    return typeof name === 'string' && name !== '' ? name : undefined;
  });
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

export function isHit(value: unknown): boolean {
  return isRecord(value) && hitFields(value) !== undefined;
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
