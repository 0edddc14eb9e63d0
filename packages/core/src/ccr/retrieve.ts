import { HeadroomError } from '../errors/headroom-error.js';
import type { CcrMeta, UnitSplitter } from '../types.js';
import { cachedRanker } from './relevance-cache.js';
import { scopedKey } from './scope.js';
import type { CcrEntry, CcrMissReason, CcrStore } from './store.js';
import { parseJsonSafe } from '../util/parse-json-safe.js';
import { truncate } from '../util/truncate.js';
import { matchPage, originalPage, type RetrievePage } from './retrieve-page.js';
import type { RetrieveToolInput } from './retrieval-tool.js';
import { retrieveReply } from './retrieve-reply.js';

/** Options for {@link retrieve}. */
export interface RetrieveOptions {
  query?: string;
  /**
   * Where the page starts: with a query that matches, how many of the best matches to skip; otherwise a
   * character offset into the original. The result's `next` is the offset of the following page. Default 0.
   */
  offset?: number;
  /** Splitters by content kind (a Headroom instance passes its compressors' own); lines are the fallback unit. */
  splitters?: Partial<Record<CcrMeta['kind'], UnitSplitter>>;
  /** Most matches on one page. Default 50. */
  maxUnits?: number;
  /** Most characters on one page (the original, or the matches). Default: no bound. */
  maxChars?: number;
  /** Looks the key up only among originals stored under this scope (see `scopedKey`). */
  scope?: string;
}

/** What {@link retrieve} found: one page of the original, or of the units matching the query. */
export interface RetrieveResult extends RetrievePage {
  key: string;
  meta: CcrMeta;
  /** Units that match the query, when one was given; 0 means none did and the page is of the original. */
  matched?: number;
  /** Units in the original, when a query was given. */
  total?: number;
  /** Characters in the original. */
  length: number;
}

/** Getting originals back within a retrieval scope: what the pipeline and a Headroom instance both offer. */
export interface ScopedRetrieval {
  /**
   * An original back by key, whole; with a query, one page of the units that match it, split by the
   * units of the compressor that stored it (`next` is the `offset` of the next page). Only originals
   * stored under `scope` (default: the instance's `scope`) are found. Rejects with `not_found` when it
   * is gone.
   */
  retrieve(
    key: string,
    options?: { query?: string; offset?: number; scope?: string },
  ): Promise<RetrieveResult>;
  /**
   * Answers one `headroom_retrieve` tool call within `scope` with the text for the model; never throws
   * (a bad, expired or foreign key is a tool error for the model).
   */
  answerRetrieveCall(
    input: unknown,
    options?: { scope?: string },
  ): Promise<{ content: string; isError: boolean }>;
}

const lineUnits: UnitSplitter = (original) =>
  original.split('\n').filter((line) => line.trim() !== '');

/**
 * Gets an original back by key; with a query, only the units that match it (BM25), best first in pages of
 * `maxUnits`, each page in original order. Throws `invalid_input` for an offset past the end.
 */
export async function retrieve(
  store: CcrStore,
  key: string,
  options: RetrieveOptions = {},
): Promise<RetrieveResult> {
  const offset = options.offset ?? 0;
  if (!Number.isSafeInteger(offset) || offset < 0)
    throw new HeadroomError({
      code: 'invalid_input',
      message: `offset must be a whole number of at least 0, not ${offset}`,
    });
  // The error names the bare key only: the store key would reveal the scope's tag.
  const stored = scopedKey(key, options.scope);
  const entry = await readEntry(store, { stored, key });
  if (!entry)
    throw new HeadroomError({
      code: 'not_found',
      message: `No stored original for key ${key}: ${await missReason(store, stored)}`,
    });
  const { original, meta } = entry;
  const maxChars = options.maxChars ?? Number.POSITIVE_INFINITY;
  const found = { key, meta, length: original.length };
  const query = options.query?.trim();
  if (!query) return { ...found, ...originalPage(original, offset, maxChars) };
  const split = options.splitters?.[meta.kind] ?? lineUnits;
  const rank = cachedRanker(store, { stored, original });
  const units = await split(original, meta, query, { rank });
  const ranked = rank(units, query);
  const counts = { matched: ranked.length, total: units.length };
  if (ranked.length === 0) {
    if (offset > 0) throw noMatchPastEnd(offset, query);
    return { ...found, ...counts, ...originalPage(original, 0, maxChars) };
  }
  const page = matchPage(units, ranked, { offset, maxUnits: options.maxUnits ?? 50, maxChars });
  return { ...found, ...counts, ...page };
}

function noMatchPastEnd(offset: number, query: string): HeadroomError {
  return new HeadroomError({
    code: 'invalid_input',
    message: `offset ${offset} is past the end: nothing matches "${query}" (leave out the query to read the original)`,
  });
}

/** The entry, with any store failure (a throw, a timeout, a bad value) as a `store_error`. */
async function readEntry(
  store: CcrStore,
  { stored, key }: { stored: string; key: string },
): Promise<CcrEntry | undefined> {
  try {
    return await store.get(stored);
  } catch (cause) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    throw new HeadroomError({
      code: 'store_error',
      message: `The store could not read key ${key}: ${detail}`,
      cause,
    });
  }
}

const MISSES: Record<CcrMissReason, string> = {
  expired: 'its time to live ran out',
  evicted: 'it was evicted to make room in the store',
  never_stored:
    'nothing was stored under it here (a key from another conversation, tenant or store?)',
  unknown: 'it expired, was evicted, or was never stored here',
};

async function missReason(store: CcrStore, key: string): Promise<string> {
  try {
    return MISSES[(await store.explainMiss?.(key)) ?? 'unknown'];
  } catch {
    return MISSES.unknown;
  }
}

/** Most characters of one reply to the model when no `maxChars` is given (about 25k tokens). */
export const DEFAULT_REPLY_MAX_CHARS = 100_000;

/**
 * Answers one `headroom_retrieve` call with the text the model should see: a page of at most `maxChars`
 * characters that says what it holds and the exact call for the next page. Never throws: a bad key or
 * offset, or an expired original, becomes a tool error message the model can act on.
 */
export async function answerRetrieveCall(
  store: CcrStore,
  input: unknown,
  options: Omit<RetrieveOptions, 'query' | 'offset'> = {},
): Promise<{ content: string; isError: boolean }> {
  const parsed = parseRetrieveInput(input);
  if ('error' in parsed) return { content: `Error: ${parsed.error}`, isError: true };
  const args = parsed.input;
  try {
    const result = await retrieve(store, args.key, {
      ...options,
      maxChars: options.maxChars ?? DEFAULT_REPLY_MAX_CHARS,
      query: args.query,
      offset: args.offset,
    });
    return { content: retrieveReply(result, args.query), isError: false };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { content: `Error: ${message}`, isError: true };
  }
}

const USAGE = 'headroom_retrieve needs {"key": "<KEY from a <<ccr:KEY …>> marker>"}';

/**
 * Reads `{ key, query?, offset? }` from a parsed object or a JSON string (OpenAI sends arguments as a
 * string); what is wrong with it otherwise, in words for the model.
 */
export function parseRetrieveInput(
  input: unknown,
): { input: RetrieveToolInput } | { error: string } {
  const value = typeof input === 'string' ? parseJsonSafe(input) : input;
  if (typeof value !== 'object' || value === null) return { error: `${USAGE}.` };
  const { key, query, hash, offset } = value as Record<string, unknown>;
  const id = typeof key === 'string' ? key : typeof hash === 'string' ? hash : undefined;
  if (!id || !/^[0-9a-f]{12,24}$/.test(id.trim()))
    return { error: `${USAGE}; the key is 12 to 24 hex digits.` };
  const parsed: RetrieveToolInput = { key: id.trim() };
  if (typeof query === 'string' && query.trim()) parsed.query = query;
  if (offset !== undefined && offset !== null) {
    const n = typeof offset === 'string' && /^\d+$/.test(offset.trim()) ? Number(offset) : offset;
    if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
      return {
        error: `offset must be a whole number of at least 0 (the offset a previous reply named), not ${truncate(String(JSON.stringify(offset)), 40)}.`,
      };
    parsed.offset = n;
  }
  return { input: parsed };
}
