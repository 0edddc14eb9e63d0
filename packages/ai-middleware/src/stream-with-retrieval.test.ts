import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { stepCountIs, streamText, wrapLanguageModel } from 'ai';
import {
  MockLanguageModelV3,
  convertArrayToReadableStream,
  convertReadableStreamToArray,
} from 'ai/test';
import { createStats, type CompressEvent } from '@headroom/core';
import { describe, expect, it } from 'vitest';
import { changelogConversation, changelogPrompt } from './test-utils/conversation.js';
import { changelog } from './test-utils/fixtures.js';
import { lookupIssue } from './test-utils/lookup-issue.js';
import { testMiddleware } from './test-utils/test-middleware.js';
import {
  lastToolResults,
  markerKeys,
  retrieveCall,
  streamed,
  usage,
} from './test-utils/mock-results.js';

/** Round 1 says it will look and retrieves the first marker; round 2 answers in two deltas. */
function retrievingStreamModel() {
  const model: MockLanguageModelV3 = new MockLanguageModelV3({
    doStream: async (options: LanguageModelV3CallOptions) => {
      const parts =
        model.doStreamCalls.length === 1
          ? streamed(
              '0',
              ['Let me read it. '],
              [retrieveCall('call-r1', markerKeys(options.prompt)[0]!)],
              usage(100, 10),
            )
          : streamed('0', ['Approval requests ', 'are signed.'], [], usage(900, 20));
      return { stream: convertArrayToReadableStream(parts) };
    },
  });
  return model;
}

describe('wrapStream', () => {
  it('streams every round as one answer: no retrieval parts, one finish, usage summed', async () => {
    const model = retrievingStreamModel();
    const result = streamText({
      model: wrapLanguageModel({ model, middleware: testMiddleware() }),
      ...changelogConversation(),
    });
    const parts = await convertReadableStreamToArray(result.fullStream);

    expect(
      parts.map((part) => (part.type === 'text-delta' ? `${part.type}:${part.text}` : part.type)),
    ).toEqual([
      'start',
      'start-step',
      'text-start',
      'text-delta:Let me read it. ',
      'text-end',
      'text-start',
      'text-delta:Approval requests ',
      'text-delta:are signed.',
      'text-end',
      'finish-step',
      'finish',
    ]);
    expect(await result.text).toBe('Let me read it. Approval requests are signed.');
    expect(await result.toolCalls).toEqual([]);
    expect(await result.totalUsage).toMatchObject({ inputTokens: 1000, outputTokens: 30 });
    expect(await result.finishReason).toBe('stop');

    const second = model.doStreamCalls[1]!;
    expect(lastToolResults(second.prompt)[0]).toMatchObject({
      toolCallId: 'call-r1',
      output: { type: 'text', value: changelog },
    });
  });

  it('passes text deltas through before the round has finished', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const model: MockLanguageModelV3 = new MockLanguageModelV3({
      doStream: async (options: LanguageModelV3CallOptions) => {
        if (model.doStreamCalls.length > 1)
          return { stream: convertArrayToReadableStream(streamed('0', ['done'], [], usage(1, 1))) };
        const [head, tail] = splitAfterFirstDelta(
          streamed(
            '0',
            ['thinking…'],
            [retrieveCall('call-r', markerKeys(options.prompt)[0]!)],
            usage(1, 1),
          ),
        );
        return {
          stream: new ReadableStream<LanguageModelV3StreamPart>({
            async start(controller) {
              for (const part of head) controller.enqueue(part);
              await gate; // the rest of round 1 only comes after the caller has seen the delta
              for (const part of tail) controller.enqueue(part);
              controller.close();
            },
          }),
        };
      },
    });
    const wrapped = wrapLanguageModel({ model, middleware: testMiddleware() });
    const { stream } = await wrapped.doStream({ prompt: changelogPrompt() });
    const reader = stream.getReader();
    const seen: string[] = [];
    for (;;) {
      const { value } = await reader.read();
      seen.push(value!.type);
      if (value!.type === 'text-delta') break;
    }
    release();
    const rest: LanguageModelV3StreamPart[] = [];
    for (let next = await reader.read(); !next.done; next = await reader.read())
      rest.push(next.value);
    expect(seen).toEqual(['stream-start', 'response-metadata', 'text-start', 'text-delta']);
    expect(rest.map((part) => part.type)).toEqual([
      'text-end',
      'text-start',
      'text-delta',
      'text-end',
      'finish',
    ]);
    expect(rest.filter((part) => part.type === 'text-start').map((part) => part.id)).toEqual([
      '0:1',
    ]);
  });

  it('after maxRounds, streams a final round in which no tool is callable', async () => {
    const model = new MockLanguageModelV3({
      doStream: async (options: LanguageModelV3CallOptions) => ({
        stream: convertArrayToReadableStream(
          options.toolChoice?.type === 'none'
            ? streamed('0', ['Signed ', 'approvals.'], [], usage(10, 3))
            : streamed(
                '0',
                [],
                [retrieveCall(`call-${options.prompt.length}`, markerKeys(options.prompt)[0]!)],
                usage(10, 1),
              ),
        ),
      }),
    });
    const stats = createStats();
    const events: CompressEvent[] = [];
    const wrapped = wrapLanguageModel({
      model,
      middleware: testMiddleware({
        stats,
        retrieval: { maxRounds: 1 },
        onCompress: (event) => events.push(event),
      }),
    });
    const result = streamText({ model: wrapped, ...changelogConversation() });
    expect(await result.text).toBe('Signed approvals.');
    expect(await result.finishReason).toBe('stop');
    expect((await result.usage).inputTokens).toBe(30);
    expect(model.doStreamCalls).toHaveLength(3);
    expect(model.doStreamCalls[2]!.toolChoice).toEqual({ type: 'none' });
    expect(lastToolResults(model.doStreamCalls[2]!.prompt)[0]).toMatchObject({
      output: {
        type: 'error-text',
        value: expect.stringMatching(/^Not retrieved: the 1 retrieval rounds/),
      },
    });
    expect(stats.snapshot()).toMatchObject({ retrievalRounds: 1, retrievalExhausted: 1 });
    expect(events.map((event) => event.retrievalExhausted)).toEqual([
      undefined,
      { maxRounds: 1, unanswered: 1 },
    ]);
  });

  it('ends with finishReason other when the model retrieves even in the final round', async () => {
    const model = new MockLanguageModelV3({
      doStream: async (options: LanguageModelV3CallOptions) => ({
        stream: convertArrayToReadableStream(
          streamed(
            '0',
            [],
            [retrieveCall(`call-${options.prompt.length}`, markerKeys(options.prompt)[0]!)],
            usage(10, 1),
          ),
        ),
      }),
    });
    const wrapped = wrapLanguageModel({
      model,
      middleware: testMiddleware({ retrieval: { maxRounds: 1 } }),
    });
    const parts = await convertReadableStreamToArray(
      (await wrapped.doStream({ prompt: changelogPrompt() })).stream,
    );
    expect(model.doStreamCalls).toHaveLength(3);
    expect(parts.filter((part) => part.type.startsWith('tool'))).toEqual([]);
    expect(parts.at(-1)).toMatchObject({
      type: 'finish',
      finishReason: { unified: 'other' },
      usage: { inputTokens: { total: 30 } },
    });
  });

  it('honours an abort between rounds: no further model call, the stream errors', async () => {
    const controller = new AbortController();
    const model = new MockLanguageModelV3({
      doStream: async (options: LanguageModelV3CallOptions) => ({
        stream: convertArrayToReadableStream(
          streamed(
            '0',
            ['looking'],
            [retrieveCall('call-r', markerKeys(options.prompt)[0]!)],
            usage(1, 1),
          ),
        ),
      }),
    });
    const wrapped = wrapLanguageModel({ model, middleware: testMiddleware() });
    const reader = (
      await wrapped.doStream({ prompt: changelogPrompt(), abortSignal: controller.signal })
    ).stream.getReader();
    const drain = async () => {
      for (let next = await reader.read(); !next.done; next = await reader.read()) {
        if (next.value.type === 'text-delta') controller.abort();
      }
    };
    await expect(drain()).rejects.toMatchObject({ name: 'AbortError' });
    expect(model.doStreamCalls).toHaveLength(1);
  });

  it('mixed calls: the application gets its call, ours arrives answered as a provider-executed call', async () => {
    const model = new MockLanguageModelV3({
      doStream: async (options: LanguageModelV3CallOptions) => ({
        stream: convertArrayToReadableStream(
          streamed(
            '0',
            ['Checking both.'],
            [
              retrieveCall('call-r', markerKeys(options.prompt)[0]!),
              {
                type: 'tool-call',
                toolCallId: 'call-app',
                toolName: 'lookupIssue',
                input: '{"id":42}',
              },
            ],
            usage(5, 5),
          ),
        ),
      }),
    });
    const wrapped = wrapLanguageModel({ model, middleware: testMiddleware() });
    const parts = await convertReadableStreamToArray(
      (await wrapped.doStream({ prompt: changelogPrompt() })).stream,
    );
    expect(model.doStreamCalls).toHaveLength(1);
    const toolParts = parts.filter((part) => part.type.startsWith('tool')) as Array<{
      type: string;
      toolName?: string;
      id?: string;
    }>;
    expect(toolParts.map((part) => `${part.type}:${part.toolName ?? part.id}`)).toEqual([
      'tool-input-start:lookupIssue',
      'tool-input-delta:call-app',
      'tool-input-end:call-app',
      'tool-call:lookupIssue',
      'tool-call:headroom_retrieve',
      'tool-result:headroom_retrieve',
    ]);
    expect(
      parts.find((part) => part.type === 'tool-call' && part.toolName === 'headroom_retrieve'),
    ).toMatchObject({ providerExecuted: true, dynamic: true });
    expect(parts.find((part) => part.type === 'tool-result')).toMatchObject({
      toolCallId: 'call-r',
      result: changelog,
    });
    expect(parts.filter((part) => part.type === 'finish')).toHaveLength(1);
  });

  it('mixed calls through streamText: the application runs its tool and the next step sees both answers', async () => {
    const model: MockLanguageModelV3 = new MockLanguageModelV3({
      doStream: async (options: LanguageModelV3CallOptions) => ({
        stream: convertArrayToReadableStream(
          model.doStreamCalls.length === 1
            ? streamed(
                '0',
                [],
                [
                  retrieveCall('call-r', markerKeys(options.prompt)[0]!),
                  {
                    type: 'tool-call',
                    toolCallId: 'call-app',
                    toolName: 'lookupIssue',
                    input: '{"id":7}',
                  },
                ],
                usage(5, 5),
              )
            : streamed('0', ['Issue 7 is closed.'], [], usage(5, 5)),
        ),
      }),
    });
    const result = streamText({
      model: wrapLanguageModel({ model, middleware: testMiddleware() }),
      ...changelogConversation(),
      tools: { lookupIssue },
      stopWhen: stepCountIs(3),
    });
    expect(await result.text).toBe('Issue 7 is closed.');
    const prompt = model.doStreamCalls[1]!.prompt;
    expect(JSON.stringify(prompt)).not.toContain('providerExecuted');
    expect(lastToolResults(prompt).map((part) => [part.toolCallId, part.output])).toEqual([
      ['call-app', { type: 'text', value: 'issue 7: closed' }],
      ['call-r', { type: 'text', value: changelog }],
    ]);
  });
});

function splitAfterFirstDelta(
  parts: LanguageModelV3StreamPart[],
): [LanguageModelV3StreamPart[], LanguageModelV3StreamPart[]] {
  const index = parts.findIndex((part) => part.type === 'text-delta') + 1;
  return [parts.slice(0, index), parts.slice(index)];
}
