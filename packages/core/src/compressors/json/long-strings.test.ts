import { describe, expect, it } from 'vitest';
import { findMarkerKeys } from '../../ccr/marker.js';
import { createHeadroom } from '../../create-headroom.js';
import { routingCorpus } from '../../router/__fixtures__/real-samples.node.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { parseJson } from './parse-json.js';
import { longStrings } from './long-strings.js';
import { createJsonCompressor } from './smart-crusher.js';

const corpusText = (file: string): string => {
  const entry = routingCorpus().find((e) => e.file === file);
  if (!entry) throw new Error(`the routing corpus lost ${file}`);
  return entry.text;
};

describe('long JSON string values', () => {
  it('are found in document order, each once, nested or not', () => {
    const long = 'x'.repeat(50);
    let nested = JSON.stringify({ v: long });
    for (let i = 0; i < 50; i++) nested = `[${nested}]`;
    const root = parseJson(
      `{"a":${JSON.stringify(long)},"b":[${nested}],"c":"short","d":"${'y'.repeat(60)}"}`,
      10_000,
    );
    expect(longStrings(root!, 40)).toEqual([long, 'y'.repeat(60)]);
  });

  it('without a strings compressor are kept whole', async () => {
    const { ctx } = await createTestContext();
    const log = corpusText('rabbitmq.log');
    const text = JSON.stringify({ stdout: log, exit_code: 1 });
    const out = await createJsonCompressor().compress(text, ctx);
    expect(JSON.parse(out.text).stdout).toBe(log);
  });

  it('a tool result shaped { stdout, stderr, exit_code } is compressed like the log it holds, and the log comes back', async () => {
    const headroom = createHeadroom();
    const log = corpusText('log4j-stacktraces.log');
    const result = JSON.stringify({ stdout: log, stderr: '', exit_code: 1 });
    const out = await headroom.compress(
      [
        { role: 'user', content: 'Why did the job fail?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [{ id: 'c1', type: 'function', function: { name: 'bash', arguments: '{}' } }],
        },
        { role: 'tool', tool_call_id: 'c1', content: result },
      ],
      { model: 'gpt-4o' },
    );
    const sent = out.messages[2]!.content as string;
    const value = JSON.parse(sent) as { stdout: string; stderr: string; exit_code: number };
    // Still the tool's JSON, its small fields untouched; the log inside compressed as a log.
    expect(value.exit_code).toBe(1);
    expect(value.stderr).toBe('');
    expect(out.tokensAfter).toBeLessThan(out.tokensBefore * 0.25);
    expect(out.transforms[0]?.strategy).toContain('string_text');
    const [key] = findMarkerKeys(value.stdout);
    expect((await headroom.retrieve(key!)).content).toBe(log);
  });

  it('holding code are left alone (a wrapped file read may be about to be edited)', async () => {
    const headroom = createHeadroom();
    const code = Array.from(
      { length: 200 },
      (_, i) =>
        `export function handler${i}(input: string): string {\n  return input.trim() + '${i}';\n}\n`,
    ).join('\n');
    const out = await headroom.compress(
      [
        { role: 'user', content: 'Read the file' },
        {
          role: 'tool',
          tool_call_id: 'c1',
          content: JSON.stringify({ path: 'a.ts', content: code }),
        },
      ],
      { model: 'gpt-4o' },
    );
    const sent = out.messages.at(-1)!.content as string;
    expect(JSON.parse(sent).content).toBe(code);
  });
});
