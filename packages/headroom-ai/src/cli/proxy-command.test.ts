import { describe, expect, it } from 'vitest';
import { runProxyCommand } from './proxy-command.js';
import { runWrapCommand } from './wrap-command.js';

describe('headroom proxy (command)', () => {
  it('starts on loopback, says where it listens, and answers /health', async () => {
    let err = '';
    const proxy = await runProxyCommand({ port: '0', upstreamOpenai: 'http://127.0.0.1:9' }, (t) => (err += t));
    try {
      expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(err).toBe(`headroom proxy listening on ${proxy.url} (OpenAI → http://127.0.0.1:9, Anthropic → https://api.anthropic.com)\n`);
      expect(await (await fetch(`${proxy.url}/health`)).json()).toEqual({ status: 'ok' });
    } finally {
      await proxy.close();
    }
  });

  it('refuses a bad port, a bad upstream and a store it does not have', async () => {
    await expect(runProxyCommand({ port: '99999' }, () => {})).rejects.toThrow('--port must be a port number (0–65535), not "99999"');
    await expect(runProxyCommand({ upstreamOpenai: 'api.openai.com' }, () => {})).rejects.toThrow('--upstream-openai must be an http(s) URL');
    await expect(runProxyCommand({ store: 'redis://127.0.0.1:6379' }, () => {})).rejects.toThrow('--store redis://127.0.0.1:6379 is not available');
  });
});

describe('headroom wrap (command)', () => {
  it('passes what follows -- to the agent and needs a known agent', async () => {
    await expect(runWrapCommand(['cline'], {})).rejects.toThrow('wrap needs an agent: claude, codex, aider, cursor, copilot (not "cline")');
    const out: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((text: string) => out.push(text)) as typeof process.stdout.write;
    try {
      expect(await runWrapCommand(['aider', '--dry-run', '--', '--model', 'sonnet'], { HEADROOM_PROXY_URL: 'http://127.0.0.1:9' })).toBe(0);
    } finally {
      process.stdout.write = write;
    }
    expect(out.join('')).toBe('OPENAI_API_BASE=http://127.0.0.1:<free port>/v1\nANTHROPIC_API_BASE=http://127.0.0.1:<free port>\naider --model sonnet\n');
  });
});
