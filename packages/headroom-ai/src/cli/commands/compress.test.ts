import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli } from '../run-cli.js';
import { captureIo } from '../test-utils/capture-io.js';
import { headroomCli } from './index.js';

const example = fileURLToPath(
  new URL('../../../../../examples/tool-outputs/code-search.json', import.meta.url),
);

async function compress(argv: string[], stdin?: string) {
  const { io, out } = captureIo({ stdin });
  const code = await runCli(headroomCli, ['compress', ...argv], io);
  return { code, ...out };
}

async function tempFile(name: string, content: string): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'headroom-cli-')), name);
  await writeFile(file, content);
  return file;
}

const tokens = (line: string) =>
  /^tokens ([\d,]+) → ([\d,]+)/
    .exec(line)!
    .slice(1)
    .map((n) => Number(n.replaceAll(',', '')));

describe('headroom compress', () => {
  it('compresses a tool output: the summary and the key on stderr, the compressed text on stdout', async () => {
    const r = await compress([example]);
    expect(r.code).toBe(0);
    const [summary, stored] = r.stderr.trimEnd().split('\n');
    expect(summary).toMatch(/^tokens [\d,]+ → [\d,]+ \(saved \d+\.\d%\) · search [\d,]+ → [\d,]+$/);
    const [before, after] = tokens(summary!);
    expect(after).toBeLessThan(before! * 0.85);
    expect(stored).toMatch(
      /^stored: [0-9a-f]{24} · get it back: headroom retrieve KEY \[--query text\]$/,
    );
    expect(r.stdout).toContain(`<<ccr:${stored!.slice(8, 32)}`);
  });

  it("counts the user's content only, not the messages the CLI wraps it in", async () => {
    expect(await compress([], '')).toEqual({
      code: 0,
      stdout: '\n',
      stderr: 'tokens 0 → 0 (saved 0.0%)\n',
    });
    const r = await compress(['--json'], 'hello world');
    expect(JSON.parse(r.stdout)).toMatchObject({
      tokensBefore: 2,
      tokensAfter: 2,
      tokensSaved: 0,
      compressed: false,
    });
  });

  it('--summary prints the summary and keys only, first thing on stdout', async () => {
    const r = await compress([example, '--summary']);
    expect(r.stdout).toMatch(
      /^tokens [\d,]+ → [\d,]+ \(saved \d+\.\d%\) · search [\d,]+ → [\d,]+\nstored: [0-9a-f]{24} · /,
    );
    expect(r.stdout.split('\n')).toHaveLength(3);
  });

  it('takes a messages file and prints messages of the same count; --json gives the whole result', async () => {
    const messages = [
      { role: 'user', content: 'hi' },
      { role: 'assistant', content: 'hello' },
    ];
    const file = await tempFile('messages.json', JSON.stringify(messages));
    const plain = await compress([file]);
    expect(JSON.parse(plain.stdout)).toEqual(messages);
    const json = JSON.parse((await compress([file, '--json'])).stdout);
    expect(json).toMatchObject({ messages, compressed: false });
  });

  it('takes records that merely have a role field for a tool output, not for messages', async () => {
    const users = Array.from({ length: 40 }, (_, i) => ({
      id: i,
      name: `user ${i}`,
      role: i % 7 === 0 ? 'admin' : 'member',
    }));
    const r = await compress(['--json'], JSON.stringify(users));
    expect(JSON.parse(r.stdout).messages).toHaveLength(3);
    const forced = await compress(['--input', 'messages'], JSON.stringify(users));
    expect(forced).toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringContaining('not a JSON array of chat messages'),
    });
    const asText = await compress(
      ['--input', 'tool-output', '--json'],
      JSON.stringify([{ role: 'user', content: 'x' }]),
    );
    expect(JSON.parse(asText.stdout).messages).toHaveLength(3);
  });

  it('refuses an unknown --model or --input, and a terminal as input, with exit 2', async () => {
    const model = await compress(['--model', 'gtp-4o', example]);
    expect(model).toMatchObject({ code: 2, stdout: '' });
    expect(model.stderr).toMatch(/^headroom compress: unknown model "gtp-4o" \(known: gpt-4o/);
    expect(
      await compress(['--model', 'anthropic/claude-sonnet-4-5', '--summary', example]),
    ).toMatchObject({ code: 0 });
    expect(await compress(['--input', 'yaml', example])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('--input must be one of auto, messages, tool-output'),
    });
    const tty = await compress([]);
    expect(tty).toMatchObject({
      code: 2,
      stderr: expect.stringContaining('no input: give a file, or pipe one to standard input'),
    });
  });

  it('fails with exit 1 and the reason when the file is missing', async () => {
    const r = await compress(['/nonexistent/x.json']);
    expect(r).toMatchObject({ code: 1, stdout: '' });
    expect(r.stderr).toBe('headroom: /nonexistent/x.json: no such file\n');
  });
});
