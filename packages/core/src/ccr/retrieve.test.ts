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
      input: { key: 'abcdef012345' },
    });
  });

  it('reads an offset as a number or a string of digits, and says what is wrong with a bad one', () => {
    expect(parseRetrieveInput('{"key":"abcdef012345","offset":"50"}')).toEqual({
      input: { key: 'abcdef012345', offset: 50 },
    });
    for (const offset of [-1, 1.5, 'ten', true, Number.MAX_VALUE]) {
      const parsed = parseRetrieveInput({ key: 'abcdef012345', offset });
      expect(parsed).toEqual({ error: expect.stringMatching(/^offset must be a whole number/) });
    }
  });
});

const KEY = 'abcdef0123456789abcdef03';
/** 200 log lines, 160 of them timeouts: every 5th line is an unrelated success. */
const service = Array.from({ length: 200 }, (_, i) =>
  i % 5 === 4
    ? `2024-01-01T00:${String(i).padStart(3, '0')} INFO job ${i} finished`
    : `2024-01-01T00:${String(i).padStart(3, '0')} ERROR job ${i} upstream timeout`,
).join('\n');

async function storeWith(original: string) {
  const store = new MemoryCcrStore();
  await store.put(KEY, { original, meta: { kind: 'log' }, createdAt: 0 });
  return store;
}

/** Follows the replies' "call headroom_retrieve with {…}" as a model would, collecting every page. */
async function readAllPages(
  store: MemoryCcrStore,
  first: Record<string, unknown>,
  options: { maxUnits?: number; maxChars?: number } = {},
) {
  const replies: string[] = [];
  let args: Record<string, unknown> | undefined = first;
  while (args && replies.length < 100) {
    const answer = await answerRetrieveCall(store, args, options);
    expect(answer.isError).toBe(false);
    replies.push(answer.content);
    const next = /call headroom_retrieve with (\{.*\})\)?:\n/.exec(answer.content)?.[1];
    args = next ? JSON.parse(next) : undefined;
  }
  return replies;
}

describe('paged retrieval replies', () => {
  it('says 160 of 200 match, shows the first page, and the next pages bring the other matches', async () => {
    const store = await storeWith(service);
    const replies = await readAllPages(store, { key: KEY, query: 'upstream timeout' });
    expect(replies).toHaveLength(4);
    expect(replies[0]!.split('\n')[0]).toBe(
      `160 of 200 parts match "upstream timeout"; matches 1–50 by relevance follow in original order (110 more: call headroom_retrieve with {"key":"${KEY}","query":"upstream timeout","offset":50}):`,
    );
    expect(replies[3]!.split('\n')[0]).toBe(
      '160 of 200 parts match "upstream timeout"; matches 151–160 by relevance follow in original order (the last of them):',
    );
    const lines = replies.flatMap((reply) => reply.split('\n').slice(1));
    const timeouts = service.split('\n').filter((line) => line.includes('timeout'));
    expect(lines).toHaveLength(160);
    expect([...lines].sort()).toEqual([...timeouts].sort());
    // Each page is in original order; asking twice gives the same bytes.
    for (const reply of replies) {
      const page = reply.split('\n').slice(1);
      expect(page).toEqual([...page].sort());
    }
    expect(await readAllPages(store, { key: KEY, query: 'upstream timeout' })).toEqual(replies);
  });

  it('pages by characters too, so a page of long units stays within maxChars', async () => {
    const store = await storeWith(service);
    const replies = await readAllPages(store, { key: KEY, query: 'timeout' }, { maxChars: 1000 });
    const pages = replies.map((reply) => reply.split('\n').slice(1).join('\n'));
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(1000);
    expect(pages.flatMap((page) => page.split('\n'))).toHaveLength(160);
  });

  it('says when nothing matched and gives the original, paged when it is long', async () => {
    const store = await storeWith(service);
    const short = await answerRetrieveCall(store, { key: KEY, query: 'kubernetes' });
    expect(short.content).toBe(
      `No part of the 200 matched "kubernetes"; the original follows:\n${service}`,
    );
    const replies = await readAllPages(
      store,
      { key: KEY, query: 'kubernetes' },
      { maxChars: 4000 },
    );
    expect(replies[0]!.split('\n')[0]).toMatch(
      new RegExp(
        `^No part of the 200 matched "kubernetes"; the original follows \\(characters 0–\\d+ of ${service.length}; the rest: call headroom_retrieve with \\{"key":"${KEY}","offset":\\d+\\}\\):$`,
      ),
    );
    expect(replies.length).toBeGreaterThan(2);
  });

  it('pages a long whole original at line ends, and the pages put together are the original', async () => {
    const store = await storeWith(service);
    const replies = await readAllPages(store, { key: KEY }, { maxChars: 3000 });
    expect(replies.length).toBeGreaterThanOrEqual(Math.ceil(service.length / 3000));
    expect(replies[0]!.split('\n')[0]).toMatch(
      /^Part of the original, characters 0–\d+ of \d+; the rest: call headroom_retrieve with \{"key":"abcdef0123456789abcdef03","offset":\d+\}:$/,
    );
    expect(replies.at(-1)!.split('\n')[0]).toMatch(
      /^Part of the original, characters \d+–\d+ of \d+, the end:$/,
    );
    const pages = replies.map((reply) => reply.slice(reply.indexOf('\n') + 1));
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(3000);
    for (const page of pages.slice(0, -1)) expect(page.endsWith('\n')).toBe(true);
    expect(pages.join('')).toBe(service);
  });

  it('cuts a single line longer than a page without splitting a surrogate pair', async () => {
    const store = await storeWith('😀'.repeat(3000));
    const replies = await readAllPages(store, { key: KEY }, { maxChars: 1001 });
    const pages = replies.map((reply) => reply.slice(reply.indexOf('\n') + 1));
    expect(pages.join('')).toBe('😀'.repeat(3000));
    for (const page of pages) expect(page.length % 2).toBe(0);
  });

  it('answers a bad or past-the-end offset with an error for the model, never a throw', async () => {
    const store = await storeWith(service);
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ key: KEY, offset: -5 }, /^Error: offset must be a whole number of at least 0/],
      [{ key: KEY, offset: 'next' }, /^Error: offset must be a whole number/],
      [
        { key: KEY, offset: 10_000_000 },
        /^Error: offset 10000000 is past the end of the original \(\d+ characters\)$/,
      ],
      [
        { key: KEY, query: 'timeout', offset: 160 },
        /^Error: offset 160 is past the last of the 160 matches$/,
      ],
      [
        { key: KEY, query: 'kubernetes', offset: 50 },
        /^Error: offset 50 is past the end: nothing matches "kubernetes"/,
      ],
    ];
    for (const [args, message] of cases) {
      const answer = await answerRetrieveCall(store, args);
      expect(answer, JSON.stringify(args)).toEqual({
        content: expect.stringMatching(message),
        isError: true,
      });
    }
  });

  it('retrieve() returns the counts and the next offset to programs as well', async () => {
    const store = await storeWith(service);
    const first = await retrieve(store, KEY, { query: 'upstream timeout', maxUnits: 100 });
    expect(first).toMatchObject({ matched: 160, total: 200, offset: 0, shown: 100, next: 100 });
    const second = await retrieve(store, KEY, {
      query: 'upstream timeout',
      maxUnits: 100,
      offset: 100,
    });
    expect(second).toMatchObject({ offset: 100, shown: 60 });
    expect(second.next).toBeUndefined();
    expect((await retrieve(store, KEY)).content).toBe(service);
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
