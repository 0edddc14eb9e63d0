import { findMarkerKeys } from '@headroom/core/internal';
import type { UIMessage } from 'ai';
import { MockLanguageModelV3, convertArrayToReadableStream } from 'ai/test';
import { afterEach, describe, expect, it, vi } from 'vitest';
// A real changelog, as the middleware package's tests use it; the route runs the default compressors on it.
import { changelog } from '../../../../../packages/ai-middleware/src/test-utils/fixtures';
import { startFakeUpstash } from '../../../lib/test-utils/fake-upstash';

// The route gets its model from lib/model; here that is a mock that retrieves once, then answers.
const holder = vi.hoisted(() => ({ model: undefined as unknown }));
vi.mock('../../../lib/model', () => ({ chatModel: () => holder.model }));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

function retrievingModel(): MockLanguageModelV3 {
  const model: MockLanguageModelV3 = new MockLanguageModelV3({
    doStream: async (options: Parameters<MockLanguageModelV3['doStream']>[0]) => {
      const first = model.doStreamCalls.length === 1;
      const [key] = findMarkerKeys(JSON.stringify(options.prompt));
      const parts = first
        ? [{ type: 'tool-call' as const, toolCallId: 'r1', toolName: 'headroom_retrieve', input: JSON.stringify({ key }) }]
        : [{ type: 'text-start' as const, id: 't' }, { type: 'text-delta' as const, id: 't', delta: 'Approvals are now signed.' }, { type: 'text-end' as const, id: 't' }];
      const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 5, text: 5, reasoning: undefined } };
      return {
        stream: convertArrayToReadableStream([
          { type: 'stream-start' as const, warnings: [] },
          ...parts,
          { type: 'finish' as const, finishReason: { unified: first ? ('tool-calls' as const) : ('stop' as const), raw: undefined }, usage },
        ]),
      };
    },
  });
  return model;
}

const messages: UIMessage[] = [
  { id: 'u1', role: 'user', parts: [{ type: 'text', text: 'Read the AI SDK changelog.' }] },
  {
    id: 'a1',
    role: 'assistant',
    parts: [
      { type: 'tool-readUrl', toolCallId: 'call-1', state: 'output-available', input: { url: 'https://example.com/CHANGELOG.md' }, output: changelog },
      { type: 'text', text: 'I have read it.' },
    ],
  },
  { id: 'u2', role: 'user', parts: [{ type: 'text', text: 'What changed about tool approval?' }] },
];

async function chat(): Promise<{ response: Response; chunks: Array<Record<string, unknown>> }> {
  const { POST } = await import('./route');
  const response = await POST(new Request('http://localhost/api/chat', { method: 'POST', body: JSON.stringify({ messages }), headers: { 'content-type': 'application/json' } }));
  const body = await response.text();
  const chunks = body
    .split('\n')
    .filter((line) => line.startsWith('data: ') && line !== 'data: [DONE]')
    .map((line) => JSON.parse(line.slice(6)) as Record<string, unknown>);
  return { response, chunks };
}

describe('POST /api/chat', () => {
  it('streams one answer: the model retrieved the compressed changelog, the client never sees it', async () => {
    const model = retrievingModel();
    holder.model = model;
    const { response, chunks } = await chat();

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(chunks.map((chunk) => chunk.type)).toEqual(['start', 'start-step', 'text-start', 'text-delta', 'text-end', 'finish-step', 'finish']);
    expect(chunks.find((chunk) => chunk.type === 'text-delta')?.delta).toBe('Approvals are now signed.');
    expect(JSON.stringify(chunks)).not.toContain('headroom_retrieve');

    const [first, second] = model.doStreamCalls;
    expect(JSON.stringify(first!.prompt)).not.toContain(changelog);
    const answer = second!.prompt.at(-1)!;
    expect(answer).toMatchObject({ role: 'tool', content: [{ toolName: 'headroom_retrieve', output: { type: 'text', value: changelog } }] });
  });

  it('keeps the originals in Upstash Redis when UPSTASH_REDIS_REST_URL is set', async () => {
    const upstash = await startFakeUpstash();
    try {
      vi.stubEnv('UPSTASH_REDIS_REST_URL', upstash.url);
      vi.stubEnv('UPSTASH_REDIS_REST_TOKEN', 'test-token');
      holder.model = retrievingModel();
      const { chunks } = await chat();
      expect(chunks.find((chunk) => chunk.type === 'text-delta')?.delta).toBe('Approvals are now signed.');
      const stored = [...upstash.data.entries()].map(([key, entry]) => [key, (JSON.parse(entry.value) as { original: string }).original]);
      expect(stored).toEqual([[expect.stringMatching(/^headroom:nextjs-chat:[0-9a-f]{24}$/), changelog]]);
    } finally {
      await upstash.close();
    }
  });
});
