import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { createStats, type CompressEvent } from '@headroom/core';
import { generateText, stepCountIs, wrapLanguageModel } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { changelogConversation } from './test-utils/conversation.js';
import { changelog } from './test-utils/fixtures.js';
import { lookupIssue } from './test-utils/lookup-issue.js';
import { testMiddleware } from './test-utils/test-middleware.js';
import {
  generated,
  lastToolResults,
  markerKeys,
  retrieveCall,
  usage,
} from './test-utils/mock-results.js';

/** A model that retrieves the first marker's key on its first call and answers on the next. */
function retrievingModel(answer = 'Tool approval now carries a signature.') {
  return new MockLanguageModelV3({
    doGenerate: async (options: LanguageModelV3CallOptions) => {
      const calls = options.prompt.filter((message) => message.role === 'tool').length;
      if (calls === 1) {
        const [key] = markerKeys(options.prompt);
        return generated(
          [
            { type: 'text', text: 'Let me read the full changelog.' },
            retrieveCall('call-r1', key!),
          ],
          usage(100, 10),
        );
      }
      return generated([{ type: 'text', text: answer }], usage(900, 20));
    },
  });
}

describe('wrapGenerate', () => {
  it('answers headroom_retrieve from the store and asks again; the application sees one answer', async () => {
    const model = retrievingModel();
    const stats = createStats();
    const result = await generateText({
      model: wrapLanguageModel({ model, middleware: testMiddleware({ stats }) }),
      ...changelogConversation(),
    });

    expect(model.doGenerateCalls).toHaveLength(2);
    const [first, second] = model.doGenerateCalls as [
      LanguageModelV3CallOptions,
      LanguageModelV3CallOptions,
    ];
    // The first call saw the compressed changelog and the tool; the second got the original back.
    expect(JSON.stringify(first.prompt)).not.toContain(changelog);
    expect(first.tools?.map((t) => t.name)).toEqual(['headroom_retrieve']);
    const [answer] = lastToolResults(second.prompt);
    expect(answer).toMatchObject({
      toolCallId: 'call-r1',
      toolName: 'headroom_retrieve',
      output: { type: 'text', value: changelog },
    });
    expect(second.prompt[second.prompt.length - 2]).toMatchObject({
      role: 'assistant',
      content: [
        { type: 'text', text: 'Let me read the full changelog.' },
        { type: 'tool-call', toolCallId: 'call-r1', toolName: 'headroom_retrieve' },
      ],
    });

    expect(result.text).toBe(
      'Let me read the full changelog.Tool approval now carries a signature.',
    );
    expect(result.toolCalls).toEqual([]);
    expect(result.steps).toHaveLength(1);
    expect(result.finishReason).toBe('stop');
    expect(result.usage).toMatchObject({ inputTokens: 1000, outputTokens: 30, totalTokens: 1030 });
    expect(JSON.stringify(result.response.messages)).not.toContain('headroom_retrieve');
    expect(stats.snapshot()).toMatchObject({ retrievalRounds: 1, ccr: { hits: 1, misses: 0 } });
  });

  it('passes a query through and returns only the matching lines', async () => {
    const model = new MockLanguageModelV3({
      doGenerate: async (options: LanguageModelV3CallOptions) => {
        if (lastToolResults(options.prompt).some((part) => part.toolName === 'headroom_retrieve')) {
          return generated([{ type: 'text', text: 'done' }], usage(10, 1));
        }
        return generated(
          [retrieveCall('call-q', markerKeys(options.prompt)[0]!, 'approval signature')],
          usage(10, 1),
        );
      },
    });
    await generateText({
      model: wrapLanguageModel({ model, middleware: testMiddleware() }),
      ...changelogConversation(),
    });
    const [answer] = lastToolResults(model.doGenerateCalls[1]!.prompt);
    const value = (answer!.output as { value: string }).value;
    expect(value).toMatch(/^\d+ of \d+ parts match "approval signature":/);
    expect(value.length).toBeLessThan(changelog.length / 2);
    expect(value.toLowerCase()).toContain('approval');
  });

  it('after maxRounds, notes the calls it did not answer and makes a final call with no tool callable', async () => {
    // Retrieves whenever a tool may be called; answers from what it has when none may.
    const model = new MockLanguageModelV3({
      doGenerate: async (options: LanguageModelV3CallOptions) =>
        options.toolChoice?.type === 'none'
          ? generated(
              [{ type: 'text', text: 'From the summary: approvals are signed.' }],
              usage(10, 5),
            )
          : generated(
              [retrieveCall(`call-${options.prompt.length}`, markerKeys(options.prompt)[0]!)],
              usage(10, 1),
            ),
    });
    const stats = createStats();
    const events: CompressEvent[] = [];
    const result = await generateText({
      model: wrapLanguageModel({
        model,
        middleware: testMiddleware({
          stats,
          retrieval: { maxRounds: 2 },
          onCompress: (event) => events.push(event),
        }),
      }),
      ...changelogConversation(),
    });
    // The first call, two answered rounds, then the final call.
    expect(model.doGenerateCalls).toHaveLength(4);
    const final = model.doGenerateCalls[3]!;
    expect(final.toolChoice).toEqual({ type: 'none' });
    expect(final.tools?.map((t) => t.name)).toEqual(['headroom_retrieve']);
    expect(lastToolResults(final.prompt)).toEqual([
      {
        type: 'tool-result',
        toolCallId: expect.stringMatching(/^call-/),
        toolName: 'headroom_retrieve',
        output: {
          type: 'error-text',
          value:
            'Not retrieved: the 2 retrieval rounds of this request are used up. Answer with what you have; originals can be retrieved again on a later turn.',
        },
      },
    ]);
    // Only the final call forbids tools (AI SDK 7 sends an explicit 'auto' where 6 sends none).
    expect(
      model.doGenerateCalls.slice(0, 3).every((call) => call.toolChoice?.type !== 'none'),
    ).toBe(true);
    expect(result.text).toBe('From the summary: approvals are signed.');
    expect(result.finishReason).toBe('stop');
    expect(result.toolCalls).toEqual([]);
    expect(result.usage.inputTokens).toBe(40);
    expect(stats.snapshot()).toMatchObject({ retrievalRounds: 2, retrievalExhausted: 1 });
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      tokensSaved: 0,
      transforms: [],
      model: 'mock-model-id',
      retrievalExhausted: { maxRounds: 2, unanswered: 1 },
    });
    expect(events[0]!.retrievalExhausted).toBeUndefined();
  });

  it('drops retrieval calls the model makes even in the final call, ending with finishReason other', async () => {
    const model = new MockLanguageModelV3({
      doGenerate: async (options: LanguageModelV3CallOptions) =>
        generated(
          [retrieveCall(`call-${options.prompt.length}`, markerKeys(options.prompt)[0]!)],
          usage(10, 1),
        ),
    });
    const result = await generateText({
      model: wrapLanguageModel({
        model,
        middleware: testMiddleware({ retrieval: { maxRounds: 2 } }),
      }),
      ...changelogConversation(),
    });
    expect(model.doGenerateCalls).toHaveLength(4);
    expect(result.toolCalls).toEqual([]);
    expect(result.finishReason).toBe('other');
    expect(result.usage.inputTokens).toBe(40);
  });

  it('answers a missing key with a tool error and still completes', async () => {
    const model = new MockLanguageModelV3({
      doGenerate: [
        generated([retrieveCall('call-missing', 'deadbeefdeadbeefdeadbeef')], usage(10, 1)),
        generated([{ type: 'text', text: 'That content has expired.' }], usage(10, 1)),
      ],
    });
    const stats = createStats();
    const result = await generateText({
      model: wrapLanguageModel({ model, middleware: testMiddleware({ stats }) }),
      ...changelogConversation(),
    });
    const [answer] = lastToolResults(model.doGenerateCalls[1]!.prompt);
    expect(answer!.output.type).toBe('error-text');
    expect((answer!.output as { value: string }).value).toContain(
      'No stored original for key deadbeefdeadbeefdeadbeef',
    );
    expect(result.text).toBe('That content has expired.');
    expect(stats.snapshot().ccr.misses).toBe(1);
  });

  it('mixed calls: answers ours inline, hands the application its own call, and restores ours on the next step', async () => {
    let key = '';
    const model = new MockLanguageModelV3({
      doGenerate: async (options: LanguageModelV3CallOptions) => {
        if (model.doGenerateCalls.length === 1) {
          key = markerKeys(options.prompt)[0]!;
          return generated(
            [
              retrieveCall('call-r', key),
              {
                type: 'tool-call',
                toolCallId: 'call-app',
                toolName: 'lookupIssue',
                input: '{"id":42}',
              },
            ],
            usage(100, 10),
          );
        }
        return generated([{ type: 'text', text: 'Issue 42 is fixed in 6.0.1.' }], usage(200, 10));
      },
    });
    const result = await generateText({
      model: wrapLanguageModel({ model, middleware: testMiddleware() }),
      ...changelogConversation(),
      tools: { lookupIssue },
      stopWhen: stepCountIs(3),
    });

    // Step 1 hands the application its call; ours appears as a provider-executed call with its result.
    const [step1] = result.steps;
    expect(step1!.toolCalls.map((call) => [call.toolName, call.providerExecuted ?? false])).toEqual(
      [
        ['headroom_retrieve', true],
        ['lookupIssue', false],
      ],
    );
    expect(step1!.toolResults.find((r) => r.toolName === 'headroom_retrieve')?.output).toBe(
      changelog,
    );

    // Step 2's prompt has both calls as ordinary calls, both results in the tool message, no provider-executed parts.
    const prompt = model.doGenerateCalls[1]!.prompt;
    const assistant = prompt[prompt.length - 2]!;
    expect(assistant.role).toBe('assistant');
    expect(assistant.content).toEqual([
      expect.objectContaining({
        type: 'tool-call',
        toolCallId: 'call-r',
        toolName: 'headroom_retrieve',
        input: { key },
      }),
      expect.objectContaining({
        type: 'tool-call',
        toolCallId: 'call-app',
        toolName: 'lookupIssue',
      }),
    ]);
    expect(JSON.stringify(prompt)).not.toContain('providerExecuted');
    const results = lastToolResults(prompt);
    expect(results.map((r) => r.toolCallId).sort()).toEqual(['call-app', 'call-r']);
    expect(results.find((r) => r.toolCallId === 'call-r')!.output).toEqual({
      type: 'text',
      value: changelog,
    });
    expect(result.text).toBe('Issue 42 is fixed in 6.0.1.');
  });

  it('leaves results without a retrieval call untouched', async () => {
    const model = new MockLanguageModelV3({
      doGenerate: generated([{ type: 'text', text: 'plain' }], usage(5, 1)),
    });
    const result = await generateText({
      model: wrapLanguageModel({ model, middleware: testMiddleware() }),
      ...changelogConversation(),
    });
    expect(result.text).toBe('plain');
    expect(result.usage.inputTokens).toBe(5);
    expect(model.doGenerateCalls).toHaveLength(1);
  });
});
