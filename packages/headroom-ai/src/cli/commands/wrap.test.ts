import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';
import { captureIo } from '../test-utils/capture-io.js';
import { headroomCli } from './index.js';

async function wrap(argv: string[], env: Record<string, string> = {}) {
  const { io, out } = captureIo({ env });
  return { code: await runCli(headroomCli, ['wrap', ...argv], io), ...out };
}

describe('headroom wrap', () => {
  it('passes what follows -- to the agent untouched', async () => {
    const r = await wrap(['aider', '--dry-run', '--', '--model', 'sonnet', '--dry-run'], {
      HEADROOM_PROXY_URL: 'http://127.0.0.1:9',
    });
    expect(r).toEqual({
      code: 0,
      stdout:
        'OPENAI_API_BASE=http://127.0.0.1:<free port>/v1\nANTHROPIC_API_BASE=http://127.0.0.1:<free port>\naider --model sonnet --dry-run\n',
      stderr: '',
    });
  });

  it('refuses a bad --port (exit 2)', async () => {
    const r = await wrap(['claude', '--port', 'http']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('headroom wrap: --port must be a port number (0–65535), not "http"');
  });

  it('needs a known agent (exit 2)', async () => {
    const r = await wrap(['cline']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'headroom wrap: needs an agent: claude, codex, aider, cursor, copilot (not "cline")',
    );
  });
});
