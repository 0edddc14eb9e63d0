import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';
import { captureIo } from '../test-utils/capture-io.js';
import { headroomCli } from './index.js';
import { startProxyFromArgs } from './proxy.js';

describe('headroom proxy', () => {
  it('starts on loopback, says where it listens, and answers /health', async () => {
    const { io, out } = captureIo();
    const proxy = await startProxyFromArgs({ values: { port: '0', 'upstream-openai': 'http://127.0.0.1:9' }, positionals: [] }, io);
    try {
      expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect(out.stderr).toBe(`headroom proxy listening on ${proxy.url} (OpenAI → http://127.0.0.1:9, Anthropic → https://api.anthropic.com)\n`);
      expect(await (await fetch(`${proxy.url}/health`)).json()).toEqual({ status: 'ok' });
    } finally {
      await proxy.close();
    }
  });

  it('refuses a bad port, a bad upstream and a store it does not have, with exit 2', async () => {
    const run = async (argv: string[]) => {
      const { io, out } = captureIo();
      return { code: await runCli(headroomCli, ['proxy', ...argv], io), ...out };
    };
    expect(await run(['--port', '99999'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--port must be a port number (0–65535), not "99999"') });
    expect(await run(['--upstream-openai', 'api.openai.com'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--upstream-openai must be an http(s) URL') });
    expect(await run(['--store', 'redis://127.0.0.1:6379'])).toMatchObject({ code: 2, stderr: expect.stringContaining('--store redis://127.0.0.1:6379 is not available') });
  });
});
