import { describe, expect, it } from 'vitest';
import type { OpenAIMessage } from '../adapters/openai.js';
import { MemoryCcrStore } from '../ccr/memory-store.js';
import { answerRetrieveCall, retrieve } from '../ccr/retrieve.js';
import type { CcrStore } from '../ccr/store.js';
import { compress } from '../compress.js';
import { createStats } from '../stats/stats.js';

/** A build log the log compressor shrinks: progress lines around one distinct error. */
function log(n: number): string {
  const lines = Array.from(
    { length: 300 },
    (_, i) =>
      `2024-05-01T10:00:${String(i % 60).padStart(2, '0')}Z INFO step ${n}.${i} done in ${i % 9}ms`,
  );
  lines.splice(
    150,
    0,
    `2024-05-01T10:02:30Z ERROR job ${n}: disk quota exceeded on /var/cache/build-${n}`,
  );
  return lines.join('\n');
}

/** One user question and `count` tool results, each a compressible log. */
function conversation(count: number): OpenAIMessage[] {
  const messages: OpenAIMessage[] = [{ role: 'user', content: 'Why did the jobs fail?' }];
  for (let i = 0; i < count; i++) {
    messages.push({
      role: 'assistant',
      content: null,
      tool_calls: [{ id: `c${i}`, type: 'function', function: { name: 'logs', arguments: '{}' } }],
    });
    messages.push({ role: 'tool', tool_call_id: `c${i}`, content: log(i) });
  }
  return messages;
}

/** A memory store whose writes go through `wrap` (a stall, a delay, a failure), counting writes in flight. */
function faultyStore(wrap: (put: () => Promise<void>) => Promise<void>) {
  const inner = new MemoryCcrStore();
  const seen = { inFlight: 0, peak: 0 };
  const store: CcrStore = {
    put: (key, entry, options) =>
      wrap(async () => {
        await inner.put(key, entry, options);
      }),
    get: (key) => inner.get(key),
    has: (key) => inner.has(key),
  };
  const counting: CcrStore = {
    ...store,
    async put(key, entry, options) {
      seen.inFlight += 1;
      seen.peak = Math.max(seen.peak, seen.inFlight);
      try {
        await store.put(key, entry, options);
      } finally {
        seen.inFlight -= 1;
      }
    },
  };
  return { store: counting, inner, seen };
}

const never = () => new Promise<void>(() => {});
const after = (ms: number, put: () => Promise<void>) =>
  new Promise<void>((resolve) => setTimeout(resolve, ms)).then(put);

describe('compress() with a store that stalls, is slow or fails', () => {
  it('a put that never answers: the call returns with the originals, stats say store_timeout', async () => {
    const { store } = faultyStore(never);
    const stats = createStats();
    const messages = conversation(3);
    const result = await compress(messages, { store, stats, storeTimeoutMs: 50 });
    expect(result.messages).toEqual(messages);
    expect(result.ccrKeys).toEqual([]);
    expect(stats.snapshot().fallbacks).toEqual({ store_timeout: 3 });
  });

  it('a put that answers after 1 s: past the default deadline the original goes out; a longer deadline waits for it', async () => {
    const slow = faultyStore((put) => after(1_000, put));
    const stats = createStats();
    const messages = conversation(1);
    expect((await compress(messages, { store: slow.store, stats })).messages).toEqual(messages);
    expect(stats.snapshot().fallbacks).toEqual({ store_timeout: 1 });

    const patient = faultyStore((put) => after(1_000, put));
    const result = await compress(messages, {
      store: patient.store,
      stats: createStats(),
      storeTimeoutMs: 5_000,
    });
    expect(result.ccrKeys).toHaveLength(1);
    expect((await retrieve(patient.inner, result.ccrKeys[0]!)).content).toBe(log(0));
  });

  it('writes the originals of one call in parallel, at most storeConcurrency at a time', async () => {
    const unbounded = faultyStore((put) => after(200, put));
    const first = await compress(conversation(4), {
      store: unbounded.store,
      stats: createStats(),
      storeTimeoutMs: 5_000,
    });
    expect(first.ccrKeys).toHaveLength(4);
    expect(unbounded.seen.peak).toBe(4);

    const bounded = faultyStore((put) => after(200, put));
    const second = await compress(conversation(4), {
      store: bounded.store,
      stats: createStats(),
      storeTimeoutMs: 5_000,
      storeConcurrency: 2,
    });
    expect(second.ccrKeys).toHaveLength(4);
    expect(bounded.seen.peak).toBe(2);
  });

  it('a put that throws: the original goes out, stats say store_error', async () => {
    const { store } = faultyStore(() => Promise.reject(new Error('connection reset')));
    const stats = createStats();
    const messages = conversation(2);
    expect((await compress(messages, { store, stats })).messages).toEqual(messages);
    expect(stats.snapshot().fallbacks).toEqual({ store_error: 2 });
  });

  it("the caller's abort signal ends a call stuck on a put", async () => {
    const { store } = faultyStore(never);
    const controller = new AbortController();
    const pending = compress(conversation(1), {
      store,
      stats: createStats(),
      storeTimeoutMs: 60_000,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(new Error('user went away')), 20);
    await expect(pending).rejects.toThrow('user went away');
  });

  it("a cap smaller than one request's originals: every marker sent is retrievable; the rest go out whole", async () => {
    const store = new MemoryCcrStore({ maxEntries: 2 });
    const stats = createStats();
    const messages = conversation(4);
    const result = await compress(messages, { store, stats });
    expect(result.ccrKeys).toHaveLength(2);
    for (const key of result.ccrKeys)
      expect((await retrieve(store, key)).content).toMatch(/^2024-05-01T10:00:00Z INFO step \d\.0/);
    const sentWhole = result.messages.filter(
      (message, i) => message.content === messages[i]!.content && message.role === 'tool',
    );
    expect(sentWhole).toHaveLength(2);
    expect(stats.snapshot().fallbacks).toEqual({ store_full: 2 });
  });
});

describe('retrieve() with a store that fails', () => {
  it('a get that throws becomes a HeadroomError store_error, and a tool error for the model', async () => {
    const store: CcrStore = {
      put: async () => {},
      get: () => Promise.reject(new Error('READONLY replica')),
      has: async () => false,
    };
    await expect(retrieve(store, 'abcdef0123456789abcdef01')).rejects.toMatchObject({
      name: 'HeadroomError',
      code: 'store_error',
      message: 'The store could not read key abcdef0123456789abcdef01: READONLY replica',
    });
    expect(await answerRetrieveCall(store, { key: 'abcdef0123456789abcdef01' })).toEqual({
      isError: true,
      content: 'Error: The store could not read key abcdef0123456789abcdef01: READONLY replica',
    });
  });

  it('a miss says whether the key expired, was evicted or was never stored', async () => {
    let now = 0;
    const store = new MemoryCcrStore({ ttlSeconds: 1, maxEntries: 1, now: () => now });
    await store.put('aaaaaaaaaaaaaaaaaaaaaaa1', {
      original: 'a',
      meta: { kind: 'text' },
      createdAt: 0,
    });
    now = 2_000;
    await store.put('aaaaaaaaaaaaaaaaaaaaaaa2', {
      original: 'b',
      meta: { kind: 'text' },
      createdAt: 0,
    });
    await store.put('aaaaaaaaaaaaaaaaaaaaaaa3', {
      original: 'c',
      meta: { kind: 'text' },
      createdAt: 0,
    });
    await expect(retrieve(store, 'aaaaaaaaaaaaaaaaaaaaaaa1')).rejects.toThrow(
      'No stored original for key aaaaaaaaaaaaaaaaaaaaaaa1: its time to live ran out',
    );
    await expect(retrieve(store, 'aaaaaaaaaaaaaaaaaaaaaaa2')).rejects.toThrow(
      'it was evicted to make room in the store',
    );
    await expect(retrieve(store, 'aaaaaaaaaaaaaaaaaaaaaaa9')).rejects.toThrow(
      'nothing was stored under it here',
    );
  });
});
