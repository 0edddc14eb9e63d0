import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { isDynamicBlock } from '@headroom/core/internal';
import { generateText, jsonSchema, tool, wrapLanguageModel, type ModelMessage } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { headroomMiddleware } from './headroom-middleware.js';
import { changelog, releases } from './test-utils/fixtures.js';
import { generated, usage } from './test-utils/mock-results.js';

const TURNS = 14;
const changelogLines = changelog.split('\n');

/** What the agent's tool returned on turn `t`: prose, a JSON array or a log, each long enough to compress. */
function toolOutput(t: number): string {
  if (t % 3 === 0) return changelogLines.slice(t * 10, t * 10 + 200).join('\n');
  if (t % 3 === 1) return JSON.stringify(releases.slice(t, t + 40));
  return Array.from(
    { length: 150 },
    (_, i) =>
      `2026-11-30T10:${String(i % 60).padStart(2, '0')}:00Z ${i === 97 ? 'ERROR' : 'INFO'} worker-${t} job ${i} done`,
  ).join('\n');
}

/**
 * What the application sends on turn `t`: every earlier turn's question, the tool call the model made
 * and its result, then this turn's question — so each turn's messages extend the previous turn's.
 */
function messages(t: number): ModelMessage[] {
  const question = (i: number): ModelMessage => ({
    role: 'user',
    content: `Question ${i}: what does source ${i} say about approvals?`,
  });
  const earlier = Array.from({ length: t - 1 }, (_, index): ModelMessage[] => {
    const i = index + 1;
    return [
      question(i),
      {
        role: 'assistant',
        content: [
          { type: 'tool-call', toolCallId: `call-${i}`, toolName: 'readSource', input: { id: i } },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: `call-${i}`,
            toolName: 'readSource',
            output: { type: 'text', value: toolOutput(i) },
          },
        ],
      },
    ];
  });
  return [...earlier.flat(), question(t)];
}

/** A system prompt that changes every turn, as many applications write them. */
const system = (t: number) =>
  `You are a release-notes assistant. Current time: 2026-11-30T10:${String(t).padStart(2, '0')}:05Z. Answer briefly.`;

/** The request as the provider sees it, one line per piece: tools, then each message — without Headroom's trailing block of moved values. */
function render(call: LanguageModelV3CallOptions): string {
  const last = call.prompt[call.prompt.length - 1];
  const block =
    last?.role === 'user' &&
    last.content.length === 1 &&
    last.content[0]!.type === 'text' &&
    isDynamicBlock(last.content[0]!.text);
  const messages = block ? call.prompt.slice(0, -1) : call.prompt;
  return [JSON.stringify(call.tools), ...messages.map((m) => JSON.stringify(m))]
    .map((line) => `${line}\n`)
    .join('');
}

describe(`wrapLanguageModel(headroomMiddleware()) over ${TURNS} turns`, () => {
  it('sends every turn a prompt that starts with the exact bytes of the previous one, tools included; a clock in the system prompt moves to the end', async () => {
    const model = new MockLanguageModelV3({
      modelId: 'gpt-4o',
      doGenerate: async () => generated([{ type: 'text', text: 'ok' }], usage(10, 1)),
    });
    const wrapped = wrapLanguageModel({
      model,
      middleware: headroomMiddleware({ cacheAlign: 'rewrite' }),
    });
    const tools = {
      readSource: tool({
        description: 'Reads a source by id',
        inputSchema: jsonSchema<{ id: number }>({
          type: 'object',
          properties: { id: { type: 'number' } },
        }),
      }),
    };

    for (let t = 1; t <= TURNS; t++) {
      await generateText({ model: wrapped, system: system(t), messages: messages(t), tools });
    }

    const calls = model.doGenerateCalls;
    expect(calls).toHaveLength(TURNS);
    const renders = calls.map(render);
    const broken = renders.flatMap((text, i) =>
      i > 0 && !text.startsWith(renders[i - 1]!) ? [i + 1] : [],
    );
    expect(broken).toEqual([]);

    // headroom_retrieve is in the tool list from the first turn on, so the list never changes.
    for (const call of calls)
      expect(call.tools?.map((t) => t.name)).toEqual(['readSource', 'headroom_retrieve']);
    // The provider sees one system prompt for all turns, with a placeholder; the time itself is in the block at the end.
    const systems = new Set(calls.map((call) => JSON.stringify(call.prompt[0])));
    expect(systems.size).toBe(1);
    expect(String(calls[0]!.prompt[0]!.content)).toMatch(/Current time: \[\[timestamp_1\]\]/);
    const lastCall = calls[TURNS - 1]!;
    const tail = lastCall.prompt[lastCall.prompt.length - 1]!;
    expect(JSON.stringify(tail)).toContain(`2026-11-30T10:${TURNS}:05Z`);
    // Compression really ran on the tool results, behind markers.
    const markers = JSON.stringify(lastCall.prompt).match(/<<ccr:[0-9a-f]+/g) ?? [];
    expect(markers.length).toBeGreaterThan(TURNS / 2);
  });

  it('control: without sessions or the rewrite (one instance per call), the clock breaks every turn', async () => {
    const model = new MockLanguageModelV3({
      modelId: 'gpt-4o',
      doGenerate: async () => generated([{ type: 'text', text: 'ok' }], usage(10, 1)),
    });
    for (let t = 1; t <= 4; t++) {
      const wrapped = wrapLanguageModel({ model, middleware: headroomMiddleware() });
      await generateText({ model: wrapped, system: system(t), messages: messages(t) });
    }
    const renders = model.doGenerateCalls.map(render);
    expect(
      renders.flatMap((text, i) => (i > 0 && !text.startsWith(renders[i - 1]!) ? [i + 1] : [])),
    ).toEqual([2, 3, 4]);
  });
});
