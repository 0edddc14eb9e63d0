import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createClient } from 'redis';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { binPath } from '../cli/test-utils/run-bin.js';
import type { LedgerSummary } from '../stats-ledger/index.js';

const log = fileURLToPath(new URL('../../../../../shared/data/logs/HDFS_2k.log', import.meta.url));
const noLog = !existsSync(log);

type TextResult = {
  content: { type: string; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
};

let client: Client | undefined;
afterEach(async () => {
  await client?.close();
  client = undefined;
});

/** The SDK's own client, spawning the built `headroom mcp serve` over stdio. */
async function connect(home: string, env: Record<string, string> = {}): Promise<Client> {
  client = new Client({ name: 'headroom-test', version: '0.0.0' });
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: [binPath, 'mcp', 'serve'],
      env: { HEADROOM_HOME: home, PATH: process.env.PATH ?? '', ...env },
      stderr: 'pipe',
    }),
  );
  return client;
}

const redis = createClient({
  url: 'redis://127.0.0.1:6379',
  socket: { connectTimeout: 1000, reconnectStrategy: false },
});
redis.on('error', () => {});
const redisUp = await redis.connect().then(
  () => true,
  () => false,
);
afterAll(async () => {
  if (redisUp) await redis.close();
});

const call = async (c: Client, name: string, args: Record<string, unknown>) =>
  (await c.callTool({ name, arguments: args })) as TextResult;

/** The whole original as a model gets it: page by page, following each reply's call for the next part. */
async function retrieveAll(c: Client, key: string): Promise<{ text: string; pages: number }> {
  let args: Record<string, unknown> | undefined = { key };
  let text = '';
  let pages = 0;
  while (args) {
    const reply = await call(c, 'headroom_retrieve', args);
    expect(reply.isError ?? false).toBe(false);
    const body = reply.content[0]!.text;
    const next =
      /^Part of the original, characters \d+–\d+ of \d+(?:; the rest: call headroom_retrieve with (\{.*\}))?.*:\n/.exec(
        body,
      );
    text += next ? body.slice(next[0].length) : body;
    args = next?.[1] ? JSON.parse(next[1]) : undefined;
    pages++;
  }
  return { text, pages };
}

// Each test starts Node processes; on a loaded machine that alone can take many seconds.
describe('headroom mcp serve, driven by the MCP SDK client over stdio', {
  timeout: 120_000,
}, () => {
  it('lists its three tools with their input schemas', async () => {
    const c = await connect(await mkdtemp(join(tmpdir(), 'headroom-mcp-')));
    const { tools } = await c.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual([
      'headroom_compress',
      'headroom_retrieve',
      'headroom_stats',
    ]);
    const compress = tools.find((t) => t.name === 'headroom_compress')!;
    expect(compress.inputSchema).toMatchObject({
      type: 'object',
      properties: { content: { type: 'string' }, query: { type: 'string' } },
      required: ['content'],
    });
    expect(tools.find((t) => t.name === 'headroom_retrieve')!.inputSchema).toMatchObject({
      properties: { offset: { type: 'integer', minimum: 0 } },
      required: ['key'],
    });
  });

  it.skipIf(noLog)(
    'compresses a real log, retrieves it byte-identical in a later server process, and stats reflect it (skipped without shared/data logs)',
    async () => {
      const home = await mkdtemp(join(tmpdir(), 'headroom-mcp-'));
      const original = await readFile(log, 'utf8');
      const first = await connect(home);
      const compressed = await call(first, 'headroom_compress', {
        content: original,
        query: 'which blocks failed',
      });
      const { keys, tokensBefore, tokensAfter } = compressed.structuredContent as {
        keys: string[];
        tokensBefore: number;
        tokensAfter: number;
      };
      expect(keys.length).toBeGreaterThan(0);
      expect(tokensAfter).toBeLessThan(tokensBefore * 0.5);
      expect(compressed.content[0]!.text).toContain(`<<ccr:${keys[0]}`);
      await first.close();

      // A new server process: the original must come from the file store, not from memory.
      const second = await connect(home);
      // The log is longer than one reply (100,000 characters), so it comes in pages.
      const retrieved = await Promise.all(keys.map((key) => retrieveAll(second, key)));
      const whole = retrieved.find((r) => r.text === original);
      expect(whole?.pages).toBeGreaterThan(1);

      const partial = await call(second, 'headroom_retrieve', {
        key: keys[0],
        query: 'blk_-6952295868487656571',
      });
      expect(partial.content[0]!.text).toMatch(
        /^\d+ of \d+ parts match "blk_-6952295868487656571":\n/,
      );
      expect(partial.content[0]!.text).toContain(
        'PacketResponder 0 for block blk_-6952295868487656571 terminating',
      );

      const stats = await call(second, 'headroom_stats', {});
      const { session, lifetime } = stats.structuredContent as {
        session: { compressions: number };
        lifetime: LedgerSummary;
      };
      expect(session.compressions).toBe(0);
      expect(lifetime).toMatchObject({
        compressions: 1,
        tokensBefore,
        tokensAfter,
        bySource: [{ name: 'mcp', compressions: 1 }],
      });
      expect(stats.content[0]!.text).toContain('Headroom stats, all time: 1 compressions');
    },
  );

  it('answers an unknown key with a tool error, not a crash', async () => {
    const c = await connect(await mkdtemp(join(tmpdir(), 'headroom-mcp-')));
    const missing = await call(c, 'headroom_retrieve', { key: '0123456789abcdef01234567' });
    expect(missing.isError).toBe(true);
    expect(missing.content[0]!.text).toMatch(
      /^Error: No stored original for key 0123456789abcdef01234567/,
    );
    const bad = await call(c, 'headroom_retrieve', { key: '../etc/passwd' });
    expect(bad.isError).toBe(true);
    const badOffset = await call(c, 'headroom_retrieve', {
      key: '0123456789abcdef01234567',
      offset: -3,
    });
    expect(badOffset.isError).toBe(true);
    expect(badOffset.content[0]!.text).toMatch(/offset/);
    const stats = await call(c, 'headroom_stats', {});
    expect(stats.content[0]!.text).toContain('This session: 0 compressions');
  });

  it.skipIf(!redisUp)(
    'keeps originals in Redis when HEADROOM_REDIS_URL is set, for a later server process (skipped: no Redis at 127.0.0.1:6379)',
    async () => {
      const home = await mkdtemp(join(tmpdir(), 'headroom-mcp-'));
      const namespace = `mcp-test-${randomBytes(4).toString('hex')}`;
      const env = { HEADROOM_REDIS_URL: 'redis://127.0.0.1:6379', HEADROOM_NAMESPACE: namespace };
      const lines = Array.from(
        { length: 600 },
        (_, i) =>
          `2026-11-30T10:${String(i % 60).padStart(2, '0')}:00Z INFO request ${i} served in ${i % 97} ms`,
      );
      lines[417] = '2026-11-30T10:57:00Z ERROR request 417 failed: upstream timeout after 30000 ms';
      const original = lines.join('\n');
      try {
        const first = await connect(home, env);
        const { keys } = (await call(first, 'headroom_compress', { content: original }))
          .structuredContent as { keys: string[] };
        expect(keys.length).toBeGreaterThan(0);
        await first.close();
        expect((await redis.keys(`headroom:${namespace}:*`)).length).toBeGreaterThanOrEqual(
          keys.length,
        );
        expect(await readdir(join(home, 'ccr')).catch(() => [])).toEqual([]);
        const second = await connect(home, env);
        const retrieved = await Promise.all(
          keys.map((key) => call(second, 'headroom_retrieve', { key })),
        );
        expect(retrieved.some((r) => r.content[0]!.text === original)).toBe(true);
      } finally {
        const keys = await redis.keys(`headroom:${namespace}:*`);
        if (keys.length > 0) await redis.del(keys);
      }
    },
  );
});
