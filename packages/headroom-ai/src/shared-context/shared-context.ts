import {
  createHeadroom,
  HeadroomError,
  MemoryCcrStore,
  sha256Hex,
  type CcrStore,
  type Headroom,
} from '@headroom/core/internal';
import { compressToolOutput } from '../cli/compress/compress-tool-output.js';

/** Options of {@link createSharedContext}. */
export interface SharedContextOptions {
  /** Where contents and the key index live. In-memory by default; a Redis or file store shares them across processes. */
  store?: CcrStore;
  /** Model whose tokenizer counts and whose budget the compression aims at. Default gpt-4o. */
  model?: string;
  /** How long an entry lives, in seconds. Default one hour. */
  ttlSeconds?: number;
  /** Most keys kept; the oldest put goes first. Default 100. */
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** What is known about one key. */
export interface SharedContextEntry {
  key: string;
  /** Who put it, when given. */
  agent?: string;
  /** Epoch milliseconds of the put. */
  createdAt: number;
  /** SHA-256 of the content: equal contents share one stored copy. */
  hash: string;
  tokensBefore: number;
  tokensAfter: number;
}

/** Totals over the live keys. */
export interface SharedContextStats {
  entries: number;
  /** Distinct contents actually stored (entries minus duplicates). */
  uniqueContents: number;
  tokensBefore: number;
  tokensAfter: number;
  tokensSaved: number;
  savingsPercent: number;
}

/** Context that agents hand to each other: put once (compressed once), read compressed or in full. */
export interface SharedContext {
  /** Compresses and stores `value` (a string, or anything JSON-serialisable) under `key`. */
  put(key: string, value: unknown, options?: { agent?: string }): Promise<SharedContextEntry>;
  /** The compressed form, or the original with `{ full: true }`; `undefined` when missing or expired. */
  get(key: string, options?: { full?: boolean }): Promise<string | undefined>;
  getEntry(key: string): Promise<SharedContextEntry | undefined>;
  keys(): Promise<string[]>;
  stats(): Promise<SharedContextStats>;
  delete(key: string): Promise<void>;
  /** The underlying compressor instance; its store also holds the originals its markers point to. */
  readonly headroom: Headroom;
}

type Index = Record<string, SharedContextEntry & { expiresAt: number }>;

const INDEX_KEY = 'shared-context:index';
const contentKey = (hash: string) => `shared-context:content:${hash}`;
const indexWriteAttempts = 5;

/**
 * Creates a shared context over a CCR store. Contents are stored once per content hash; a small index
 * entry maps keys to hashes and carries who wrote what and when. Across processes the index is read on
 * every call, and a put re-reads it after writing and merges again if a concurrent writer replaced it
 * (a few attempts), since stores offer no compare-and-set.
 */
export function createSharedContext(options: SharedContextOptions = {}): SharedContext {
  const store = options.store ?? new MemoryCcrStore();
  const headroom = createHeadroom({ store });
  const ttlSeconds = options.ttlSeconds ?? 3600;
  const maxEntries = options.maxEntries ?? 100;
  const now = options.now ?? Date.now;

  async function readIndex(): Promise<Index> {
    const entry = await store.get(INDEX_KEY);
    if (!entry) return {};
    let index: Index;
    try {
      index = JSON.parse(entry.original) as Index;
    } catch (cause) {
      throw new HeadroomError({
        code: 'store_error',
        message: 'The shared context index in the store is damaged',
        cause,
      });
    }
    const t = now();
    return Object.fromEntries(Object.entries(index).filter(([, e]) => e.expiresAt > t));
  }

  async function writeIndex(index: Index): Promise<void> {
    // The index lives as long as its youngest entry.
    const last = Math.max(0, ...Object.values(index).map((e) => e.expiresAt));
    const ttl = Math.max(1, Math.ceil((last - now()) / 1000));
    await store.put(
      INDEX_KEY,
      { original: JSON.stringify(index), meta: { kind: 'json' }, createdAt: now() },
      { ttlSeconds: ttl },
    );
  }

  /** The index without the oldest puts beyond the cap. */
  function trim(index: Index): Index {
    const live = Object.values(index).sort(
      (a, b) => a.createdAt - b.createdAt || a.key.localeCompare(b.key),
    );
    return Object.fromEntries(
      live.slice(Math.max(0, live.length - maxEntries)).map((e) => [e.key, e]),
    );
  }

  /** Applies a change to the index, deletes contents no key uses any more, and checks the change held. */
  async function update(
    change: (index: Index) => Index,
    held: (index: Index) => boolean,
  ): Promise<void> {
    for (let attempt = 0; attempt < indexWriteAttempts; attempt++) {
      const before = await readIndex();
      const after = trim(change(before));
      await writeIndex(after);
      const used = new Set(Object.values(after).map((e) => e.hash));
      for (const hash of new Set(Object.values(before).map((e) => e.hash)))
        if (!used.has(hash)) await store.delete?.(contentKey(hash));
      if (held(await readIndex())) return;
    }
    throw new HeadroomError({
      code: 'store_error',
      message: 'The shared context index kept changing under concurrent writers',
    });
  }

  const publicEntry = ({ expiresAt: _expiresAt, ...entry }: Index[string]): SharedContextEntry =>
    entry;

  return {
    headroom,
    async put(key, value, { agent } = {}) {
      const text = typeof value === 'string' ? value : JSON.stringify(value);
      if (typeof text !== 'string')
        throw new HeadroomError({
          code: 'invalid_input',
          message: `SharedContext.put("${key}"): the value cannot be serialised`,
        });
      const hash = sha256Hex(text);
      const createdAt = now();
      const stored = await store.get(contentKey(hash));
      let record: string;
      let tokens: { tokensBefore: number; tokensAfter: number };
      if (stored) {
        // Same content already there (any key, any agent): not compressed again, only its lifetime renewed.
        record = stored.original;
        tokens = JSON.parse(record) as typeof tokens;
      } else {
        const compressed = await compressToolOutput(headroom, { text, model: options.model });
        tokens = { tokensBefore: compressed.tokensBefore, tokensAfter: compressed.tokensAfter };
        record = JSON.stringify({ ...tokens, compressed: compressed.output, original: text });
      }
      await store.put(
        contentKey(hash),
        { original: record, meta: { kind: 'string' }, createdAt },
        { ttlSeconds },
      );
      const entry = { key, ...(agent ? { agent } : {}), createdAt, hash, ...tokens };
      const expiresAt = createdAt + ttlSeconds * 1000;
      await update(
        (index) => ({ ...index, [key]: { ...entry, expiresAt } }),
        (index) => index[key]?.hash === hash && index[key]?.createdAt === createdAt,
      );
      return entry;
    },
    async get(key, { full = false } = {}) {
      const entry = (await readIndex())[key];
      if (!entry) return undefined;
      const stored = await store.get(contentKey(entry.hash));
      if (!stored) return undefined;
      const record = JSON.parse(stored.original) as { compressed: string; original: string };
      return full ? record.original : record.compressed;
    },
    async getEntry(key) {
      const entry = (await readIndex())[key];
      return entry && publicEntry(entry);
    },
    async keys() {
      return Object.keys(await readIndex()).sort();
    },
    async stats() {
      const entries = Object.values(await readIndex());
      const tokensBefore = entries.reduce((sum, e) => sum + e.tokensBefore, 0);
      const tokensAfter = entries.reduce((sum, e) => sum + e.tokensAfter, 0);
      const tokensSaved = tokensBefore - tokensAfter;
      return {
        entries: entries.length,
        uniqueContents: new Set(entries.map((e) => e.hash)).size,
        tokensBefore,
        tokensAfter,
        tokensSaved,
        savingsPercent:
          tokensBefore === 0 ? 0 : Math.round((10_000 * tokensSaved) / tokensBefore) / 100,
      };
    },
    async delete(key) {
      await update(
        (index) => Object.fromEntries(Object.entries(index).filter(([k]) => k !== key)),
        (index) => !(key in index),
      );
    },
  };
}
