import { createHeadroom } from '@headroom/core/internal';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { withHeadroom } from '../client/with-headroom.js';
import { startProxy, type RunningProxy } from '../proxy/start-proxy.js';
import { startFakeProvider, type FakeProvider } from '../test-utils/fake-provider.js';
import { chatCompletion, chatMessages, logRecords, markerKey } from '../test-utils/replies.js';
import { SCOPE_HEADER, requestScope } from './request-scope.js';

const keyA = 'sk-test-tenant-a-0123456789';
const keyB = 'sk-test-tenant-b-0123456789';
const keyC = 'sk-test-tenant-c-0123456789';

let provider: FakeProvider;
let proxy: RunningProxy;

beforeAll(async () => {
  provider = await startFakeProvider();
  proxy = await startProxy({
    port: 0,
    upstreams: { openai: provider.url, anthropic: provider.url },
  });
});
afterAll(async () => {
  await proxy.close();
  await provider.close();
});
beforeEach(() => {
  provider.requests.length = 0;
});

const viaProxy = (apiKey: string) =>
  new OpenAI({ apiKey, baseURL: `${proxy.url}/v1`, maxRetries: 0 });

/** Another caller's conversation: a compressible tool output of its own. */
const otherMessages = () => chatMessages(logRecords().replaceAll('checkout', 'billing'));

/** Sends `messages`; the model asks for `key` once, then answers. Returns what the retrieval gave it. */
async function retrieveAs(
  client: OpenAI,
  key: string,
  options: { messages?: ReturnType<typeof chatMessages>; scope?: string } = {},
): Promise<string> {
  provider.reply(
    {
      json: chatCompletion({
        calls: [{ id: 'call_r', name: 'headroom_retrieve', arguments: JSON.stringify({ key }) }],
      }),
    },
    { json: chatCompletion({ text: 'done' }) },
  );
  const before = provider.requests.length;
  await client.chat.completions.create(
    { model: 'gpt-4o', messages: options.messages ?? chatMessages() },
    options.scope ? { headers: { [SCOPE_HEADER]: options.scope } } : {},
  );
  const followUp = provider.requests[before + 1]!.json!.messages as Array<{ content: string }>;
  return followUp.at(-1)!.content;
}

/** Compresses the checkout conversation as `client` and returns the key the provider saw. */
async function storeAs(client: OpenAI, scope?: string): Promise<string> {
  provider.reply({ json: chatCompletion({ text: 'ok' }) });
  const before = provider.requests.length;
  await client.chat.completions.create(
    { model: 'gpt-4o', messages: chatMessages() },
    scope ? { headers: { [SCOPE_HEADER]: scope } } : {},
  );
  return markerKey(provider.requests[before]!);
}

const miss = /^Error: No stored original for key [0-9a-f]+: nothing was stored/;

describe('the proxy scopes retrieval to the caller', () => {
  it("two API keys never share originals: B gets a miss for A's key, A still retrieves it", async () => {
    const key = await storeAs(viaProxy(keyA));
    expect(await retrieveAs(viaProxy(keyB), key, { messages: otherMessages() })).toMatch(miss);
    expect(await retrieveAs(viaProxy(keyA), key, { messages: otherMessages() })).toContain(
      '"id":77',
    );
  });

  it('x-headroom-scope narrows one key to a user, and never reaches the provider', async () => {
    const client = viaProxy(keyC);
    const key = await storeAs(client, 'user-1');
    const asUser2 = await retrieveAs(client, key, { messages: otherMessages(), scope: 'user-2' });
    expect(asUser2).toMatch(miss);
    // Nor does the key's own, unnamed scope see a user's originals.
    expect(await retrieveAs(client, key, { messages: otherMessages() })).toMatch(miss);
    const asUser1 = await retrieveAs(client, key, { messages: otherMessages(), scope: 'user-1' });
    expect(asUser1).toContain('"id":77');
    // The same scope name under another key is another scope.
    const otherKey = await retrieveAs(viaProxy(keyA), key, {
      messages: otherMessages(),
      scope: 'user-1',
    });
    expect(otherKey).toMatch(miss);

    expect(provider.requests.length).toBeGreaterThan(0);
    for (const request of provider.requests) expect(request.headers[SCOPE_HEADER]).toBeUndefined();
  });

  it('answers a bad x-headroom-scope with a 400 in the API’s own error shape', async () => {
    const create = viaProxy(keyA).chat.completions.create(
      { model: 'gpt-4o', messages: chatMessages() },
      { headers: { [SCOPE_HEADER]: 'x'.repeat(600) } },
    );
    await expect(create).rejects.toMatchObject({
      status: 400,
      message: expect.stringContaining(SCOPE_HEADER),
    });
    expect(provider.requests).toHaveLength(0);
  });
});

describe('withHeadroom scopes retrieval to the client', () => {
  it("two clients with different keys on one Headroom: B gets a miss for A's key, A retrieves it", async () => {
    const headroom = createHeadroom();
    const wrap = (apiKey: string) =>
      withHeadroom(new OpenAI({ apiKey, baseURL: `${provider.url}/v1`, maxRetries: 0 }), {
        headroom,
      });
    const a = wrap(keyA);
    const key = await storeAs(a);
    expect(await retrieveAs(wrap(keyB), key, { messages: otherMessages() })).toMatch(miss);
    expect(await retrieveAs(a, key, { messages: otherMessages() })).toContain('"id":77');
    const scoped = await retrieveAs(a, key, { messages: otherMessages(), scope: 'user-9' });
    expect(scoped).toMatch(miss);
    for (const request of provider.requests) expect(request.headers[SCOPE_HEADER]).toBeUndefined();
  });
});

describe('requestScope', () => {
  const scopeOf = (headers: Record<string, string>) => requestScope(new Headers(headers));

  it('is a hash of the key and the scope header: stable, distinct, and holding neither', () => {
    const a = scopeOf({ authorization: `Bearer ${keyA}` });
    expect(a).toBe(scopeOf({ authorization: `Bearer ${keyA}` }));
    expect(a).not.toBe(scopeOf({ authorization: `Bearer ${keyB}` }));
    expect(a).not.toBe(scopeOf({ authorization: `Bearer ${keyA}`, [SCOPE_HEADER]: 'u1' }));
    expect(scopeOf({ 'x-api-key': keyA })).not.toBe(scopeOf({ 'x-api-key': keyB }));
    const named = scopeOf({ authorization: `Bearer ${keyA}`, [SCOPE_HEADER]: 'user-1' })!;
    expect(named).not.toContain(keyA);
    expect(named).not.toContain('user-1');
    expect(scopeOf({})).toBeUndefined();
  });
});
