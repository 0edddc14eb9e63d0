import { MemoryCcrStore } from '../ccr/memory-store.js';
import { ccrKey } from '../hash/sha256.js';
import { createTokenCounter } from '../tokens/index.js';
import type { CcrMeta, CompressorContext } from '../types.js';

/** A compressor context for tests: real o200k token counts, and every stashed original lands in a memory store. */
export async function createTestContext(options: { query?: string } = {}): Promise<{
  ctx: CompressorContext;
  store: MemoryCcrStore;
  stashed: Map<string, { original: string; meta: CcrMeta }>;
}> {
  const counter = await createTokenCounter('gpt-4o');
  const store = new MemoryCcrStore();
  const stashed = new Map<string, { original: string; meta: CcrMeta }>();
  const ctx: CompressorContext = {
    query: options.query ?? '',
    countTokens: (text) => counter.count(text),
    stash(original, meta) {
      const key = ccrKey(original);
      stashed.set(key, { original, meta });
      void store.put(key, { original, meta, createdAt: 0 });
      return key;
    },
  };
  return { ctx, store, stashed };
}
