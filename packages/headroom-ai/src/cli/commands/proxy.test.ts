import { RedisCcrStore } from '@headroom/ccr-redis';
import { createHeadroom } from '@headroom/core';
import OpenAI from 'openai';
import { describe, expect, it } from 'vitest';
import { requestScope } from '../../provider/request-scope.js';
import { startFakeProvider } from '../../test-utils/fake-provider.js';
import { chatCompletion, chatMessages, markerKey, retrieveCall } from '../../test-utils/replies.js';
import { runCli } from '../run-cli.js';
import { captureIo } from '../test-utils/capture-io.js';
import { headroomCli } from './index.js';
import { startProxyFromArgs } from './proxy.js';

describe('headroom proxy', () => {
  it('starts on loopback, says where it listens, and answers /health', async () => {
    const { io, out } = captureIo();
    const proxy = await startProxyFromArgs(
      { values: { port: '0', 'upstream-openai': 'http://127.0.0.1:9' }, positionals: [] },
      io,
    );
    try {
      expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(out.stderr).toBe(
        `headroom proxy listening on ${proxy.url} (OpenAI → http://127.0.0.1:9, Anthropic → https://api.anthropic.com, store memory)\n`,
      );
      expect(await (await fetch(`${proxy.url}/health`)).json()).toEqual({ status: 'ok' });
    } finally {
      await proxy.close();
    }
  });

  it('--store redis:// keeps the originals in Redis and answers retrievals from there', async () => {
    const provider = await startFakeProvider();
    const { io, out } = captureIo();
    const proxy = await startProxyFromArgs(
      {
        values: {
          port: '0',
          'upstream-openai': provider.url,
          store: 'redis://127.0.0.1:6379',
          // Not a test of the deadline: the first write connects, which a loaded CI machine can make slow.
          'store-timeout': '30000',
          quiet: true,
        },
        positionals: [],
      },
      io,
    );
    // Its first read connects too: the same 30 s as the proxy's store.
    const redis = new RedisCcrStore({ url: 'redis://127.0.0.1:6379', timeoutMs: 30_000 });
    try {
      expect(out.stderr).toContain('store redis://127.0.0.1:6379)');
      provider.reply(
        (req) => ({ json: chatCompletion({ calls: [retrieveCall(req, { query: 'error' })] }) }),
        { json: chatCompletion({ text: 'done' }) },
      );
      const client = new OpenAI({ apiKey: 'sk-test', baseURL: `${proxy.url}/v1`, maxRetries: 0 });
      const completion = await client.chat.completions.create({
        model: 'gpt-4o',
        messages: chatMessages(),
      });
      expect(completion.choices[0]!.message.content).toBe('done');
      const key = markerKey(provider.requests[0]!);
      // Stored in Redis under the caller's scope (a hash of its API key), not under the bare key.
      const scope = requestScope(new Headers({ authorization: 'Bearer sk-test' }));
      const fromRedis = await createHeadroom({ store: redis }).retrieve(key, { scope });
      expect(fromRedis.content).toBe(chatMessages()[2]!.content);
      expect(await redis.get(key)).toBeUndefined();
      expect(
        (provider.requests[1]!.json!.messages as Array<{ content: string }>).at(-1)!.content,
      ).toContain('payment gateway timeout');
    } finally {
      await redis.close();
      await proxy.close();
      await provider.close();
    }
  });

  it('refuses a bad port, a bad upstream, a store it does not have and a bad store timeout, with exit 2', async () => {
    const run = async (argv: string[]) => {
      const { io, out } = captureIo();
      return { code: await runCli(headroomCli, ['proxy', ...argv], io), ...out };
    };
    expect(await run(['--port', '99999'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--port must be a port number (0–65535), not "99999"'),
    });
    expect(await run(['--upstream-openai', 'api.openai.com'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--upstream-openai must be an http(s) URL'),
    });
    expect(await run(['--store', 'mongodb://127.0.0.1'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        '--store must be memory, a redis:// or rediss:// URL, or upstash; not "mongodb://127.0.0.1"',
      ),
    });
    expect(await run(['--store-timeout', '0'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining(
        '--store-timeout must be a number of milliseconds > 0, not "0"',
      ),
    });
  });
});
