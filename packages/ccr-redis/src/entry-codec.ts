import { HeadroomError, type CcrEntry } from '@headroom/core';

/**
 * Stored form of an entry: JSON, which escapes lone surrogates (`\ud800`), so any JavaScript
 * string, well-formed UTF-16 or not, survives the UTF-8 round trip through Redis byte for byte.
 */
export function encodeEntry(entry: CcrEntry): string {
  return JSON.stringify({ original: entry.original, meta: entry.meta, createdAt: entry.createdAt });
}

/** Reads a stored entry; a client that parses JSON itself (Upstash's default) hands over the object. */
export function decodeEntry(raw: unknown, key: string): CcrEntry {
  let value = raw;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (cause) {
      throw new HeadroomError({
        code: 'store_error',
        message: `Stored value for key ${key} is not a Headroom entry`,
        cause,
      });
    }
  }
  const entry = value as Partial<CcrEntry> | null;
  if (
    typeof entry !== 'object' ||
    entry === null ||
    typeof entry.original !== 'string' ||
    typeof entry.meta !== 'object' ||
    entry.meta === null
  ) {
    throw new HeadroomError({
      code: 'store_error',
      message: `Stored value for key ${key} is not a Headroom entry`,
    });
  }
  return {
    original: entry.original,
    meta: entry.meta,
    createdAt: typeof entry.createdAt === 'number' ? entry.createdAt : 0,
  };
}
