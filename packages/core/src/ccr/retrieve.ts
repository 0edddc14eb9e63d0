import { HeadroomError } from '../errors/headroom-error.js';
import { rankByRelevance } from '../relevance/bm25.js';
import type { CcrMeta, UnitSplitter } from '../types.js';
import type { CcrEntry, CcrMissReason, CcrStore } from './store.js';
import type { RetrieveToolInput } from './retrieval-tool.js';

/** Options for {@link retrieve}. */
export interface RetrieveOptions {
  query?: string;
  /** Splitters by content kind (a Headroom instance passes its compressors' own); lines are the fallback unit. */
  splitters?: Partial<Record<CcrMeta['kind'], UnitSplitter>>;
  /** Most units returned for a query. Default 50. */
  maxUnits?: number;
}

/** What {@link retrieve} found. */
export interface RetrieveResult {
  key: string;
  /** The full original, or only the matching units when a query was given and matched. */
  content: string;
  meta: CcrMeta;
  /** Units matched by the query, when one was given. */
  matched?: number;
  total?: number;
}

const lineUnits: UnitSplitter = (original) =>
  original.split('\n').filter((line) => line.trim() !== '');

/** Gets an original back by key; with a query, only the units that match it (BM25), in original order. */
export async function retrieve(
  store: CcrStore,
  key: string,
  options: RetrieveOptions = {},
): Promise<RetrieveResult> {
  const entry = await readEntry(store, key);
  if (!entry)
    throw new HeadroomError({
      code: 'not_found',
      message: `No stored original for key ${key}: ${await missReason(store, key)}`,
    });
  const query = options.query?.trim();
  if (!query) return { key, content: entry.original, meta: entry.meta };
  const split = options.splitters?.[entry.meta.kind] ?? lineUnits;
  const units = await split(entry.original, entry.meta, query);
  const ranked = rankByRelevance(units, query).slice(0, options.maxUnits ?? 50);
  if (ranked.length === 0)
    return { key, content: entry.original, meta: entry.meta, matched: 0, total: units.length };
  const content = ranked
    .sort((a, b) => a - b)
    .map((i) => units[i])
    .join('\n');
  return { key, content, meta: entry.meta, matched: ranked.length, total: units.length };
}

/** The entry, with any store failure (a throw, a timeout, a bad value) as a `store_error`. */
async function readEntry(store: CcrStore, key: string): Promise<CcrEntry | undefined> {
  try {
    return await store.get(key);
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

/**
 * Answers one `headroom_retrieve` call with the text the model should see. Never throws:
 * a bad or expired key becomes a tool error message the model can act on.
 */
export async function answerRetrieveCall(
  store: CcrStore,
  input: unknown,
  options: Omit<RetrieveOptions, 'query'> = {},
): Promise<{ content: string; isError: boolean }> {
  const args = parseRetrieveInput(input);
  if (!args)
    return {
      content: 'Error: headroom_retrieve needs {"key": "<key from a <<ccr:KEY …>> marker>"}.',
      isError: true,
    };
  try {
    const result = await retrieve(store, args.key, { ...options, query: args.query });
    if (result.matched === undefined) return { content: result.content, isError: false };
    const header =
      result.matched === 0
        ? `No part matched "${args.query}"; here is the full original.`
        : `${result.matched} of ${result.total} parts match "${args.query}":`;
    return { content: `${header}\n${result.content}`, isError: false };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { content: `Error: ${message}`, isError: true };
  }
}

/** Reads `{ key, query? }` from a parsed object or a JSON string (OpenAI sends arguments as a string). */
export function parseRetrieveInput(input: unknown): RetrieveToolInput | undefined {
  let value = input;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { key, query, hash } = value as Record<string, unknown>;
  const id = typeof key === 'string' ? key : typeof hash === 'string' ? hash : undefined;
  if (!id || !/^[0-9a-f]{12,24}$/.test(id.trim())) return undefined;
  return { key: id.trim(), query: typeof query === 'string' && query.trim() ? query : undefined };
}
