import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCompress } from './compress-command.js';

const example = fileURLToPath(new URL('../../../../examples/tool-outputs/code-search.json', import.meta.url));

describe('headroom compress', () => {
  it('compresses the bundled tool output and reports tokens before → after', async () => {
    const out = await runCompress({ source: example });
    expect(out.stderr).toMatch(/^tokens [\d,]+ → [\d,]+ \(saved \d+\.\d%\) · json [\d,]+ → [\d,]+$/);
    const [, before, after] = /^tokens ([\d,]+) → ([\d,]+)/.exec(out.stderr)!.map((n) => Number(n.replaceAll(',', '')));
    expect(after).toBeLessThan(before! * 0.85);
    expect(out.stdout.length).toBeGreaterThan(0);
  });

  it('takes a messages file and prints messages of the same count, or the whole result with --json', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'headroom-cli-'));
    const file = join(dir, 'messages.json');
    const messages = [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'hello' },
    ];
    await writeFile(file, JSON.stringify(messages));
    const plain = await runCompress({ source: file });
    expect(JSON.parse(plain.stdout)).toEqual(messages);
    const json = JSON.parse((await runCompress({ source: file, json: true })).stdout);
    expect(json).toMatchObject({ messages, compressed: false });
  });
});
