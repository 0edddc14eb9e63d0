import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OpenAIMessage } from './adapters/openai.js';
import { MemoryCcrStore } from './ccr/memory-store.js';
import { findMarkerKeys } from './ccr/marker.js';
import { retrieve } from './ccr/retrieve.js';
import { compress } from './compress.js';
import { HeadroomError } from './errors/headroom-error.js';
import { toolOutput } from './test-utils/adversarial-text.js';
import { lostPieces } from './test-utils/lost-pieces.js';

// Seeded and bounded: the same cases on every run, each of which must finish well inside CASE_MS
// (the quadratic paths this guards against took 5–11 s on inputs of this size, or never finished).
const SEED = 20261130;
const CASE_MS = 10_000;

function conversation(outputs: readonly string[]): OpenAIMessage[] {
  const messages: OpenAIMessage[] = [{ role: 'system', content: 'You are a careful SRE.' }];
  outputs.forEach((content, i) => {
    messages.push({ role: 'user', content: `step ${i}: what failed in worker-${i}?` });
    messages.push({
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: `call_${i}`, type: 'function', function: { name: 'run', arguments: '{}' } },
      ],
    });
    messages.push({ role: 'tool', tool_call_id: `call_${i}`, content });
  });
  messages.push({ role: 'user', content: 'Summarise.' });
  return messages;
}

/** What the model can get back for one tool output: its compressed text plus every original a marker in it names. */
async function reachable(text: string, store: MemoryCcrStore): Promise<string> {
  const originals = await Promise.all(
    findMarkerKeys(text).map(async (key) => (await store.get(key))?.original ?? ''),
  );
  return [text, ...originals].join('\n');
}

describe('compress() fuzzing (fast-check, seeded)', () => {
  it('keeps message count, roles, ids and order, and loses no line of any tool output', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(toolOutput(), { minLength: 1, maxLength: 3 }), async (outputs) => {
        const messages = conversation(outputs);
        const store = new MemoryCcrStore();
        const started = performance.now();
        const result = await compress(messages, { store, protectRecent: 0 });
        expect(performance.now() - started).toBeLessThan(CASE_MS);

        expect(result.messages.map((m) => m.role)).toEqual(messages.map((m) => m.role));
        expect(result.messages.map((m) => m.tool_call_id)).toEqual(
          messages.map((m) => m.tool_call_id),
        );
        expect(result.messages.filter((m) => m.role !== 'tool')).toEqual(
          messages.filter((m) => m.role !== 'tool'),
        );
        for (const key of result.ccrKeys)
          expect((await retrieve(store, key)).content.length).toBeGreaterThan(0);

        for (const [i, original] of outputs.entries()) {
          const out = result.messages[3 + 3 * i]!.content as string;
          if (out === original) continue;
          expect(lostPieces(original, await reachable(out, store))).toEqual([]);
        }
      }),
      { seed: SEED, numRuns: 40, endOnFailure: true },
    );
  }, 240_000);

  it('is deterministic: the same conversation compresses to the same bytes with fresh stores', async () => {
    await fc.assert(
      fc.asyncProperty(toolOutput(), async (output) => {
        const messages = conversation([output]);
        const a = await compress(messages, { store: new MemoryCcrStore(), protectRecent: 0 });
        const b = await compress(messages, { store: new MemoryCcrStore(), protectRecent: 0 });
        expect(JSON.stringify(b.messages)).toBe(JSON.stringify(a.messages));
      }),
      { seed: SEED, numRuns: 15, endOnFailure: true },
    );
  }, 240_000);

  it('random message shapes either compress with their shape kept or fail with a HeadroomError', async () => {
    const junkMessage = fc.oneof(
      fc.anything({ maxDepth: 3 }),
      fc.record(
        {
          role: fc.constantFrom('user', 'assistant', 'tool', 'system', 'bogus'),
          content: fc.anything({ maxDepth: 2 }),
          tool_calls: fc.anything({ maxDepth: 2 }),
          tool_call_id: fc.anything({ maxDepth: 1 }),
        },
        { requiredKeys: ['role'] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(junkMessage, { maxLength: 6 }),
        fc.anything({ maxDepth: 1 }),
        async (messages, model) => {
          try {
            const result = await compress(messages as OpenAIMessage[], { model: model as string });
            expect(result.messages).toHaveLength(messages.length);
          } catch (error) {
            if (!HeadroomError.isInstance(error)) throw error;
          }
        },
      ),
      { seed: SEED, numRuns: 300, endOnFailure: true },
    );
  }, 120_000);
});
