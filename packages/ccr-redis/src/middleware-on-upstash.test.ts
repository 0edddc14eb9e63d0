import type {
  LanguageModelV3CallOptions,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
} from '@ai-sdk/provider';
import { headroomMiddleware } from '@headroom/ai-middleware';
import { createHeadroom, type Headroom } from '@headroom/core';
import { findMarkerKeys } from '@headroom/core/internal';
import { headCompressors } from '@headroom/core/testing';
import { generateText, streamText, wrapLanguageModel, type ModelMessage } from 'ai';
import { convertArrayToReadableStream, MockLanguageModelV3 } from 'ai/test';
import { describe, expect, inject, it } from 'vitest';
import { UpstashSessionStore } from './redis-session-store.js';
import { UpstashCcrStore } from './upstash-ccr-store.js';
import { buildLog, patient, uniqueNamespace, relaxed } from './test-utils/fixtures.js';

/** The run's loopback Upstash REST server (test-utils/global-setup.node.ts); null when no Redis answers. */
const rest = inject('upstashRest');
const log = buildLog(7);
const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 2, text: 2, reasoning: 0 },
};

/** A conversation whose one tool result is a build log, as the AI SDK takes it. */
function conversation(): ModelMessage[] {
  return [
    { role: 'user', content: 'Why does the svc build fail?' },
    {
      role: 'assistant',
      content: [{ type: 'tool-call', toolCallId: 'call-1', toolName: 'run_build', input: {} }],
    },
    {
      role: 'tool',
      content: [
        {
          type: 'tool-result',
          toolCallId: 'call-1',
          toolName: 'run_build',
          output: { type: 'text', value: log },
        },
      ],
    },
    { role: 'user', content: 'Which import is missing?' },
  ];
}

const keysIn = (prompt: LanguageModelV3Prompt): string[] => findMarkerKeys(JSON.stringify(prompt));
const retrieved = (prompt: LanguageModelV3Prompt): string | undefined => {
  for (const message of prompt) {
    if (message.role !== 'tool') continue;
    for (const part of message.content)
      if (
        part.type === 'tool-result' &&
        part.toolName === 'headroom_retrieve' &&
        part.output.type === 'text'
      )
        return part.output.value;
  }
  return undefined;
};

/** Two "serverless instances": separate middleware and Headroom instances sharing only the Upstash REST endpoint. */
function instances(server: { url: string; token: string }): [Headroom, Headroom] {
  const namespace = uniqueNamespace('middleware');
  const make = () =>
    createHeadroom({
      store: new UpstashCcrStore({
        ...relaxed,
        url: server.url,
        token: server.token,
        namespace,
        ttlSeconds: 120,
      }),
      sessionStore: new UpstashSessionStore({
        ...relaxed,
        url: server.url,
        token: server.token,
        namespace,
        ttlSeconds: 120,
      }),
      compressors: headCompressors(),
      retrieveTool: 'always',
      ...patient,
    });
  return [make(), make()];
}

describe.skipIf(!rest)(
  'the AI SDK middleware with UpstashCcrStore over loopback REST to the Redis at 127.0.0.1:6379 (skipped: nothing answers there)',
  () => {
    it('generate: instance A compresses, instance B answers the retrieval from Upstash and sends the history byte for byte', async () => {
      const [a, b] = instances(rest!);
      const providerOptions = { headroom: { conversationId: 'conv-generate' } };
      const first = new MockLanguageModelV3({
        doGenerate: async () => ({
          content: [{ type: 'text', text: 'Looking.' }],
          finishReason: { unified: 'stop', raw: 'stop' },
          usage,
          warnings: [],
        }),
      });
      await generateText({
        model: wrapLanguageModel({ model: first, middleware: headroomMiddleware({ headroom: a }) }),
        messages: conversation(),
        providerOptions,
      });
      const [turn1] = first.doGenerateCalls as [LanguageModelV3CallOptions];
      const [key] = keysIn(turn1.prompt);
      expect(key).toBeDefined();
      expect(JSON.stringify(turn1.prompt)).not.toContain(log);

      const second = new MockLanguageModelV3({
        doGenerate: async (options: LanguageModelV3CallOptions) =>
          retrieved(options.prompt) === undefined
            ? {
                content: [
                  {
                    type: 'tool-call',
                    toolCallId: 'call-r',
                    toolName: 'headroom_retrieve',
                    input: JSON.stringify({ key }),
                  },
                ],
                finishReason: { unified: 'tool-calls', raw: 'tool_calls' },
                usage,
                warnings: [],
              }
            : {
                content: [{ type: 'text', text: 'missing-7.js' }],
                finishReason: { unified: 'stop', raw: 'stop' },
                usage,
                warnings: [],
              },
      });
      const result = await generateText({
        model: wrapLanguageModel({
          model: second,
          middleware: headroomMiddleware({ headroom: b }),
        }),
        messages: conversation(),
        providerOptions,
      });
      expect(result.text).toBe('missing-7.js');
      const [turn2, retry] = second.doGenerateCalls as [
        LanguageModelV3CallOptions,
        LanguageModelV3CallOptions,
      ];
      // The other instance sends the already-sent history as the first did, and gets the original from Upstash.
      expect(JSON.stringify(turn2.prompt)).toBe(JSON.stringify(turn1.prompt));
      expect(retrieved(retry.prompt)).toBe(log);
    });

    it('stream: the retrieval round is answered from Upstash inside one stream with one finish', async () => {
      const [a, b] = instances(rest!);
      const providerOptions = { headroom: { conversationId: 'conv-stream' } };
      const parts = (
        content: LanguageModelV3StreamPart[],
        reason: 'stop' | 'tool-calls',
      ): LanguageModelV3StreamPart[] => [
        { type: 'stream-start', warnings: [] },
        ...content,
        { type: 'finish', finishReason: { unified: reason, raw: reason }, usage },
      ];
      const text = (value: string): LanguageModelV3StreamPart[] => [
        { type: 'text-start', id: 't' },
        { type: 'text-delta', id: 't', delta: value },
        { type: 'text-end', id: 't' },
      ];
      let key: string | undefined;
      const model = new MockLanguageModelV3({
        doStream: async (options: LanguageModelV3CallOptions) => {
          key ??= keysIn(options.prompt)[0];
          const answer = retrieved(options.prompt);
          return {
            stream: convertArrayToReadableStream(
              answer === undefined
                ? parts(
                    [
                      {
                        type: 'tool-call',
                        toolCallId: 'call-s',
                        toolName: 'headroom_retrieve',
                        input: JSON.stringify({ key }),
                      },
                    ],
                    'tool-calls',
                  )
                : parts(
                    text(answer.includes('missing-7.js') ? 'missing-7.js' : 'not found'),
                    'stop',
                  ),
            ),
          };
        },
      });
      // Instance A stores the original; instance B serves the streamed turn that retrieves it.
      const warm = new MockLanguageModelV3({
        doGenerate: async () => ({
          content: [{ type: 'text', text: 'ok' }],
          finishReason: { unified: 'stop', raw: 'stop' },
          usage,
          warnings: [],
        }),
      });
      await generateText({
        model: wrapLanguageModel({ model: warm, middleware: headroomMiddleware({ headroom: a }) }),
        messages: conversation(),
        providerOptions,
      });
      const result = streamText({
        model: wrapLanguageModel({ model, middleware: headroomMiddleware({ headroom: b }) }),
        messages: conversation(),
        providerOptions,
      });
      expect(await result.text).toBe('missing-7.js');
      expect(model.doStreamCalls).toHaveLength(2);
      expect(retrieved(model.doStreamCalls[1]!.prompt)).toBe(log);
      expect((await result.steps).length).toBe(1);
    });
  },
);
