import { describe, expect, it } from 'vitest';
import type { OpenAIMessage } from './adapters/openai.js';
import { MemoryCcrStore } from './ccr/memory-store.js';
import { compress } from './compress.js';
import { createHeadroom } from './create-headroom.js';
import { InvalidOptionError } from './errors/index.js';
import { createStats } from './stats/stats.js';
import { headCompressors } from './test-utils/head-compressor.js';

const log = (tenant: string) =>
  Array.from({ length: 60 }, (_, i) => `INFO ${tenant} secret row ${i} value ${i * 7}`).join('\n');
const conversation = (tenant: string): OpenAIMessage[] => [
  { role: 'user', content: `Summarise ${tenant}'s rows` },
  {
    role: 'assistant',
    content: null,
    tool_calls: [{ id: 'c1', type: 'function', function: { name: 'rows', arguments: '{}' } }],
  },
  { role: 'tool', tool_call_id: 'c1', content: log(tenant) },
];

describe('retrieval scope', () => {
  it('a key stored in one scope is a plain miss in another, and still found in its own', async () => {
    const store = new MemoryCcrStore();
    const headroom = createHeadroom({ store, compressors: headCompressors() });
    const a = await headroom.compress(conversation('acme'), { scope: 'tenant-a' });
    const [key] = a.ccrKeys;
    expect(key).toBeDefined();

    const foreign = await headroom.answerRetrieveCall({ key }, { scope: 'tenant-b' });
    expect(foreign.isError).toBe(true);
    // Exactly what a key nobody ever stored gets: nothing says the key exists elsewhere.
    const unknown = await headroom.answerRetrieveCall(
      { key: 'f'.repeat(24) },
      { scope: 'tenant-b' },
    );
    expect(foreign.content).toBe(unknown.content.replace('f'.repeat(24), key!));
    expect(foreign.content).not.toContain('acme');
    await expect(headroom.retrieve(key!, { scope: 'tenant-b' })).rejects.toMatchObject({
      code: 'not_found',
    });
    // Nor does the unscoped namespace see it.
    await expect(headroom.retrieve(key!)).rejects.toMatchObject({ code: 'not_found' });

    expect(await headroom.answerRetrieveCall({ key }, { scope: 'tenant-a' })).toEqual({
      content: log('acme'),
      isError: false,
    });
    // The store never holds the bare key nor the tenant's name.
    expect(await store.has(key!)).toBe(false);
  });

  it('the same conversation compresses to the same bytes in every scope; markers keep the bare key', async () => {
    const headroom = createHeadroom({ compressors: headCompressors() });
    const plain = await headroom.compress(conversation('acme'));
    const scoped = await headroom.compress(conversation('acme'), { scope: 'tenant-a' });
    expect(scoped.messages).toEqual(plain.messages);
    expect(scoped.ccrKeys).toEqual(plain.ccrKeys);
  });

  it("an instance's scope applies to every call and to its retrieval; a call's scope overrides it", async () => {
    const store = new MemoryCcrStore();
    const shared = { store, compressors: headCompressors() };
    const acme = createHeadroom({ ...shared, scope: 'acme' });
    const globex = createHeadroom({ ...shared, scope: 'globex' });
    const [key] = (await acme.compress(conversation('acme'))).ccrKeys;
    expect((await acme.retrieve(key!)).content).toBe(log('acme'));
    await expect(globex.retrieve(key!)).rejects.toMatchObject({ code: 'not_found' });
    expect((await globex.retrieve(key!, { scope: 'acme' })).content).toBe(log('acme'));
  });

  it('the one-shot compress() stores under its scope too', async () => {
    const store = new MemoryCcrStore();
    const headroom = createHeadroom({ store, scope: 'acme' });
    const result = await compress(conversation('acme'), {
      store,
      stats: createStats(),
      compressors: headCompressors(),
      scope: 'acme',
    });
    expect((await headroom.retrieve(result.ccrKeys[0]!)).content).toBe(log('acme'));
  });

  it('sessions are kept apart per scope: the same conversation id in two scopes is two sessions', () => {
    const headroom = createHeadroom();
    const a = headroom.sessionFor('1', { scope: 'tenant-a' });
    expect(headroom.sessionFor('1', { scope: 'tenant-a' })).toBe(a);
    expect(headroom.sessionFor('1', { scope: 'tenant-b' })).not.toBe(a);
    expect(headroom.sessionFor('1')).not.toBe(a);
  });

  it('rejects a scope that is not a non-empty string of bounded length, naming the option', async () => {
    for (const bad of ['', 42, 'x'.repeat(513), null]) {
      expect(() => createHeadroom({ scope: bad as string })).toThrow(InvalidOptionError);
      const headroom = createHeadroom();
      await expect(headroom.compress(conversation('a'), { scope: bad as string })).rejects.toThrow(
        InvalidOptionError,
      );
      await expect(headroom.retrieve('a'.repeat(24), { scope: bad as string })).rejects.toThrow(
        InvalidOptionError,
      );
    }
    try {
      createHeadroom({ scope: '' });
    } catch (error) {
      expect(error).toMatchObject({ option: 'scope' });
    }
    // Any characters are fine: the scope is hashed before it reaches the store.
    expect(() => createHeadroom({ scope: 'tenant:a/b c\n✓' })).not.toThrow();
  });
});
