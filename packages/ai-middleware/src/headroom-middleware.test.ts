import type {
  LanguageModelV3CallOptions,
  LanguageModelV3FunctionTool,
  LanguageModelV3Prompt,
} from '@ai-sdk/provider';
import { MemoryCcrStore, createHeadroom, createStats } from '@headroom/core';
import { generateText, wrapLanguageModel } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import type { CompressEvent, HeadroomMiddleware } from './types.js';
import { changelogConversation, changelogPrompt } from './test-utils/conversation.js';
import { changelog, releases } from './test-utils/fixtures.js';
import { testMiddleware } from './test-utils/test-middleware.js';
import { generated, markerKeys, retrieveCall, usage } from './test-utils/mock-results.js';

const model = { modelId: 'claude-sonnet-4-5' };
const appTool: LanguageModelV3FunctionTool = {
  type: 'function',
  name: 'readFile',
  inputSchema: { type: 'object', properties: { path: { type: 'string' } } },
};
const transform = (middleware: HeadroomMiddleware, params: LanguageModelV3CallOptions) =>
  middleware.transformParams({ type: 'generate', params, model });

describe('transformParams', () => {
  it('compresses tool results only, keeps everything else, stores the original and offers headroom_retrieve', async () => {
    const store = new MemoryCcrStore();
    const events: CompressEvent[] = [];
    const middleware = testMiddleware({
      store,
      stats: createStats(),
      scope: 'tenant-a',
      onCompress: (event) => events.push(event),
    });
    const prompt = changelogPrompt();
    const out = await transform(middleware, { prompt, tools: [appTool], temperature: 0.2 });

    expect(out.prompt.slice(0, 3)).toEqual(prompt.slice(0, 3));
    expect(out.temperature).toBe(0.2);
    const result = out.prompt[3]!.content[0];
    expect(result).toMatchObject({
      type: 'tool-result',
      toolCallId: 'call-read',
      toolName: 'readFile',
      output: { type: 'text' },
    });
    const [key] = markerKeys(out.prompt);
    // Stored under the tenant's scope, never under the bare key the marker shows.
    expect(await store.has(key!)).toBe(false);
    const reader = createHeadroom({ store });
    expect((await reader.retrieve(key!, { scope: 'tenant-a' })).content).toBe(changelog);
    expect(out.tools?.map((tool) => tool.name)).toEqual(['readFile', 'headroom_retrieve']);
    expect(prompt[3]!.content[0]).toMatchObject({ output: { value: changelog } });

    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      model: 'claude-sonnet-4-5',
      compressed: true,
      ccrKeys: [key],
      retrievalTool: true,
    });
    expect(events[0]!.tokensSaved).toBeGreaterThan(events[0]!.tokensBefore / 2);
  });

  it('keeps a JSON output JSON, with the marker as an item', async () => {
    const prompt: LanguageModelV3Prompt = [
      { role: 'user', content: [{ type: 'text', text: 'Latest release?' }] },
      {
        role: 'assistant',
        content: [{ type: 'tool-call', toolCallId: 'c', toolName: 'listReleases', input: {} }],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c',
            toolName: 'listReleases',
            output: { type: 'json', value: releases },
          },
        ],
      },
    ];
    const out = await transform(testMiddleware({ stats: createStats() }), { prompt });
    const output = (out.prompt[2]!.content[0] as { output: { type: string; value: unknown } })
      .output;
    expect(output.type).toBe('json');
    expect(output.value).toEqual([
      releases[0],
      releases[1],
      { _headroom: expect.stringMatching(/^<<ccr:[0-9a-f]{24} \d+ items omitted/) },
    ]);
  });

  it('offers headroom_retrieve from the first call by default, so the tool list never changes later', async () => {
    const params = {
      prompt: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Hello' }] }],
      tools: [appTool],
    };
    const out = await transform(testMiddleware(), params);
    expect(out.prompt).toBe(params.prompt);
    expect(out.tools?.map((tool) => tool.name)).toEqual(['readFile', 'headroom_retrieve']);
  });

  it("with retrieveTool 'when-needed', leaves a call with nothing to compress as it came", async () => {
    const params = {
      prompt: [{ role: 'user' as const, content: [{ type: 'text' as const, text: 'Hello' }] }],
    };
    expect(await transform(testMiddleware({ retrieveTool: 'when-needed' }), params)).toBe(params);
  });

  it("with retrieveTool 'when-needed', keeps offering the tool to a conversation that was offered it, and only to that one", async () => {
    const middleware = testMiddleware({ stats: createStats(), retrieveTool: 'when-needed' });
    await transform(middleware, { prompt: changelogPrompt() });
    // A later turn of the same conversation whose history no longer carries the long output.
    const later = changelogPrompt().slice(0, 2);
    expect(
      (await transform(middleware, { prompt: later, tools: [appTool] })).tools?.map((t) => t.name),
    ).toEqual(['readFile', 'headroom_retrieve']);
    const other: LanguageModelV3Prompt = [
      { role: 'user', content: [{ type: 'text', text: 'Another conversation' }] },
    ];
    expect((await transform(middleware, { prompt: other, tools: [appTool] })).tools).toEqual([
      appTool,
    ]);
  });

  it('sends the call as it came when the pipeline throws, and counts it in stats', async () => {
    const stats = createStats();
    const events: CompressEvent[] = [];
    const failing = () => {
      throw new Error('no tokenizer');
    };
    const middleware = testMiddleware({
      stats,
      tokenizer: { count: failing },
      onCompress: (event) => events.push(event),
    });
    const prompt = changelogPrompt();
    const out = await transform(middleware, { prompt });

    expect(out.prompt).toEqual(prompt);
    expect(events).toEqual([]);
    expect(stats.snapshot().fallbacks).toEqual({ pipeline_error: 1 });
  });

  it('is a pass-through when disabled', async () => {
    const params = { prompt: changelogPrompt() };
    expect(await transform(testMiddleware({ enabled: false }), params)).toBe(params);
  });

  it('leaves an application tool named headroom_retrieve, and its calls, to the application', async () => {
    const own: LanguageModelV3FunctionTool = {
      type: 'function',
      name: 'headroom_retrieve',
      description: 'mine',
      inputSchema: { type: 'object' },
    };
    const middleware = testMiddleware({ stats: createStats() });
    const out = await transform(middleware, { prompt: changelogPrompt(), tools: [own] });
    expect(out.tools).toEqual([own]);
    const content = [retrieveCall('c', '0123456789abcdef01234567')];
    const result = await middleware.wrapGenerate({
      doGenerate: async () => generated(content, usage(1, 1)),
      params: out,
      model: new MockLanguageModelV3(),
    });
    expect(result.content).toEqual(content);
  });
});

describe('wrapLanguageModel(headroomMiddleware())', () => {
  it('counts tokens for the wrapped model unless told otherwise', async () => {
    const seen: string[] = [];
    const onCompress = (event: CompressEvent) => seen.push(event.model);
    const model = new MockLanguageModelV3({
      modelId: 'gpt-4o',
      doGenerate: generated([{ type: 'text', text: 'ok' }], usage(1, 1)),
    });
    await generateText({
      model: wrapLanguageModel({ model, middleware: testMiddleware({ onCompress }) }),
      ...changelogConversation(),
    });
    await generateText({
      model: wrapLanguageModel({
        model,
        middleware: testMiddleware({ onCompress, model: 'gpt-4' }),
      }),
      ...changelogConversation(),
    });
    expect(seen).toEqual(['gpt-4o', 'gpt-4']);
  });
});
