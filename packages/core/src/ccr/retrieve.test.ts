import { describe, expect, it } from 'vitest';
import { MemoryCcrStore } from './memory-store.js';
import { answerRetrieveCall, parseRetrieveInput, retrieve } from './retrieve.js';
import { findMarkerKeys, formatMarker } from './marker.js';

const logs = [
  '2024-01-01 INFO request served in 12ms',
  '2024-01-01 INFO request served in 14ms',
  '2024-01-01 ERROR payment-service connection refused to db-7',
  '2024-01-01 INFO cache hit ratio 0.93',
].join('\n');

async function storeWithLogs() {
  const store = new MemoryCcrStore();
  await store.put('abcdef0123456789abcdef01', {
    original: logs,
    meta: { kind: 'log' },
    createdAt: 0,
  });
  return store;
}

describe('retrieve', () => {
  it('returns the full original without a query, and only matching lines with one', async () => {
    const store = await storeWithLogs();
    expect((await retrieve(store, 'abcdef0123456789abcdef01')).content).toBe(logs);
    const hit = await retrieve(store, 'abcdef0123456789abcdef01', {
      query: 'payment connection refused',
    });
    expect(hit.content).toBe('2024-01-01 ERROR payment-service connection refused to db-7');
    expect(hit).toMatchObject({ matched: 1, total: 4 });
  });

  it('uses a custom unit splitter for the stored kind', async () => {
    const store = new MemoryCcrStore();
    await store.put('abcdef0123456789abcdef02', {
      original: 'a b. c payment d. e',
      meta: { kind: 'text' },
      createdAt: 0,
    });
    const hit = await retrieve(store, 'abcdef0123456789abcdef02', {
      query: 'payment',
      splitters: { text: (o) => o.split('. ') },
    });
    expect(hit.content).toBe('c payment d');
  });

  it('throws not_found for a missing key', async () => {
    await expect(retrieve(new MemoryCcrStore(), 'abcdef0123456789abcdef09')).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('answerRetrieveCall', () => {
  it('answers with content, or with a tool error instead of throwing', async () => {
    const store = await storeWithLogs();
    expect(await answerRetrieveCall(store, '{"key":"abcdef0123456789abcdef01"}')).toEqual({
      content: logs,
      isError: false,
    });
    const filtered = await answerRetrieveCall(store, {
      key: 'abcdef0123456789abcdef01',
      query: 'cache ratio',
    });
    expect(filtered.content).toBe(
      '1 of 4 parts match "cache ratio":\n2024-01-01 INFO cache hit ratio 0.93',
    );
    const missing = await answerRetrieveCall(store, { key: 'ffffffffffffffffffffffff' });
    expect(missing.isError).toBe(true);
    expect(missing.content).toMatch(/No stored original/);
    expect((await answerRetrieveCall(store, 'not json')).isError).toBe(true);
    expect((await answerRetrieveCall(store, { key: '../../etc/passwd' })).isError).toBe(true);
  });

  it("accepts the reference product's `hash` argument name too", () => {
    expect(parseRetrieveInput({ hash: 'abcdef012345' })).toEqual({
      key: 'abcdef012345',
      query: undefined,
    });
  });
});

describe('markers', () => {
  it('finds every distinct key in order, in both marker forms', () => {
    const a = 'a'.repeat(24);
    const b = 'b'.repeat(12);
    const text = `x ${formatMarker(a, '3 items omitted')} y <<ccr:${b},base64,4.5KB>> ${formatMarker(a, 'again')}`;
    expect(findMarkerKeys(text)).toEqual([a, b]);
    expect(formatMarker(a, '3 items omitted')).toBe(
      `<<ccr:${a} 3 items omitted; call headroom_retrieve>>`,
    );
  });
});
