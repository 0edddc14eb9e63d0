import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProxy } from '../proxy/start-proxy.js';
import { startFakeProvider, type FakeProvider } from '../test-utils/fake-provider.js';
import { anthropicMessage, anthropicMessages } from '../test-utils/replies.js';
import { ledgerPath, readLedger } from '../stats-ledger/index.js';
import { runWrap } from './run-wrap.js';

let provider: FakeProvider;
let bin: string;

/** A stand-in for Claude Code: one Messages request to ANTHROPIC_BASE_URL, then exits with the code it was given. */
const standIn = `#!/usr/bin/env node
const { readFileSync } = require('node:fs');
const messages = JSON.parse(readFileSync(__dirname + '/messages.json', 'utf8'));
fetch(process.env.ANTHROPIC_BASE_URL + '/v1/messages', {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-api-key': 'sk-ant-wrap', 'anthropic-version': '2023-06-01' },
  body: JSON.stringify({ model: 'claude-sonnet-5', max_tokens: 100, messages }),
}).then(async (res) => {
  if (res.status !== 200) process.exit(90);
  process.exit(Number(process.argv[2] ?? 0));
}, () => process.exit(91));
`;

beforeAll(async () => {
  provider = await startFakeProvider();
  bin = await mkdtemp(join(tmpdir(), 'headroom-wrap-'));
  await writeFile(join(bin, 'claude'), standIn);
  await chmod(join(bin, 'claude'), 0o755);
  await writeFile(join(bin, 'messages.json'), JSON.stringify(anthropicMessages()));
});
afterAll(() => provider.close());

const env = () => ({ ...process.env, PATH: `${bin}${delimiter}${process.env.PATH}` });

describe('headroom wrap', () => {
  it('runs the agent against a proxy it starts: the request is compressed and the exit code comes back', async () => {
    provider.requests.length = 0;
    provider.reply({ json: anthropicMessage({ text: 'ok' }) });
    const ledger = ledgerPath();
    const code = await runWrap({
      agent: 'claude',
      args: ['3'],
      env: env(),
      proxy: { upstreams: { anthropic: provider.url }, ledgerPath: ledger },
    });
    expect(code).toBe(3);
    expect(provider.requests).toHaveLength(1);
    const sent = provider.requests[0]!;
    expect(sent.headers['x-api-key']).toBe('sk-ant-wrap');
    expect(sent.body.length).toBeLessThan(JSON.stringify(anthropicMessages()).length / 2);
    expect(sent.body).toMatch(/<<ccr:[0-9a-f]{24} /);
    const [record] = await readLedger({ path: ledger });
    expect(record).toMatchObject({ source: 'proxy', model: 'claude-sonnet-5', ccrKeys: 1 });
    expect(record!.tokensAfter).toBeLessThan(record!.tokensBefore / 2);
  });

  it('reuses a running proxy', async () => {
    const running = await startProxy({ port: 0, upstreams: { anthropic: provider.url } });
    try {
      provider.requests.length = 0;
      const code = await runWrap({
        agent: 'claude',
        env: env(),
        proxyUrl: running.url,
        proxy: { upstreams: { anthropic: 'http://127.0.0.1:9' } },
      });
      expect(code).toBe(0);
      expect(provider.requests).toHaveLength(1);
      const stats = (await (await fetch(`${running.url}/stats`)).json()) as { requests: number };
      expect(stats.requests).toBe(1);
    } finally {
      await running.close();
    }
  });

  it('--dry-run prints the variables and the command', async () => {
    let out = '';
    const code = await runWrap({
      agent: 'codex',
      args: ['--model', 'gpt-5'],
      dryRun: true,
      stdout: (t) => (out += t),
    });
    expect(code).toBe(0);
    expect(out).toBe('OPENAI_BASE_URL=http://127.0.0.1:<free port>/v1\ncodex --model gpt-5\n');
  });

  it('says so when the agent is not installed, with exit 127', async () => {
    let err = '';
    const code = await runWrap({ agent: 'aider', env: { PATH: bin }, stderr: (t) => (err += t) });
    expect(code).toBe(127);
    expect(err).toBe('headroom wrap: aider is not on PATH\n');
  });
});
