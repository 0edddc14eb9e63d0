import type { LanguageModelV3CallOptions, LanguageModelV3Prompt } from '@ai-sdk/provider';
import { InvalidOptionError } from '@headroom/core';
import { generateText, streamText, wrapLanguageModel, type ModelMessage } from 'ai';
import { MockLanguageModelV3, convertArrayToReadableStream } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { changelogConversation } from './test-utils/conversation.js';
import { changelog, releases } from './test-utils/fixtures.js';
import { testMiddleware } from './test-utils/test-middleware.js';
import {
  generated,
  lastToolResults,
  markerKeys,
  retrieveCall,
  streamed,
  usage,
} from './test-utils/mock-results.js';
import type { HeadroomMiddleware } from './types.js';

/** Another user's conversation: a different question and a different tool output. */
function releasesConversation(): { system: string; messages: ModelMessage[] } {
  const { system, messages } = changelogConversation('Which releases touched streaming?');
  const [user, call, result] = messages as [ModelMessage, ModelMessage, ModelMessage];
  const output = { type: 'text', value: JSON.stringify(releases) };
  const part = (result.content as Array<Record<string, unknown>>)[0]!;
  return { system, messages: [user, call, { ...result, content: [{ ...part, output }] }] as never };
}

/**
 * A model that asks for `key()` (default: the first marker of its own prompt) once, then answers
 * with what the retrieval returned, so the test reads what each conversation could see.
 */
function retrievingModel(key: (prompt: LanguageModelV3Prompt) => string | undefined) {
  const answerOf = (prompt: LanguageModelV3Prompt) => {
    const [result] = lastToolResults(prompt);
    return result?.toolName === 'headroom_retrieve' ? result.output : undefined;
  };
  const pick = (prompt: LanguageModelV3Prompt) => key(prompt) ?? markerKeys(prompt)[0]!;
  return new MockLanguageModelV3({
    doGenerate: async ({ prompt }: LanguageModelV3CallOptions) => {
      const answer = answerOf(prompt);
      return answer
        ? generated([{ type: 'text', text: JSON.stringify(answer) }], usage(10, 1))
        : generated([retrieveCall('r1', pick(prompt))], usage(10, 1));
    },
    doStream: async ({ prompt }: LanguageModelV3CallOptions) => {
      const answer = answerOf(prompt);
      const parts = answer
        ? streamed('0', [JSON.stringify(answer)], [], usage(10, 1))
        : streamed('0', [], [retrieveCall('r1', pick(prompt))], usage(10, 1));
      return { stream: convertArrayToReadableStream(parts) };
    },
  });
}

type Run = (
  middleware: HeadroomMiddleware,
  conversation: { system: string; messages: ModelMessage[] },
  key?: string,
  providerOptions?: Record<string, Record<string, string>>,
) => Promise<{ type: string; value: string }>;

const viaGenerate: Run = async (middleware, conversation, key, providerOptions) => {
  const model = retrievingModel(() => key);
  const { text } = await generateText({
    model: wrapLanguageModel({ model, middleware }),
    ...conversation,
    ...(providerOptions ? { providerOptions } : {}),
  });
  return JSON.parse(text);
};

const viaStream: Run = async (middleware, conversation, key, providerOptions) => {
  const model = retrievingModel(() => key);
  const result = streamText({
    model: wrapLanguageModel({ model, middleware }),
    ...conversation,
    ...(providerOptions ? { providerOptions } : {}),
  });
  return JSON.parse(await result.text);
};

/** A's key, as A's own model saw it in its prompt. */
async function keyOfA(middleware: HeadroomMiddleware): Promise<string> {
  const model = retrievingModel(() => undefined);
  await generateText({
    model: wrapLanguageModel({ model, middleware }),
    ...changelogConversation(),
  });
  return markerKeys((model.doGenerateCalls[0] as LanguageModelV3CallOptions).prompt)[0]!;
}

describe.each([
  ['generateText', viaGenerate],
  ['streamText', viaStream],
])('one middleware instance, two conversations (%s)', (_name, run) => {
  it("B asking for A's key gets a miss that reveals nothing; A still retrieves it", async () => {
    const middleware = testMiddleware();
    const key = await keyOfA(middleware);

    const fromB = await run(middleware, releasesConversation(), key);
    expect(fromB.type).toBe('error-text');
    expect(fromB.value).toMatch(/^Error: No stored original for key [0-9a-f]+: nothing was stored/);
    expect(fromB.value).not.toContain(changelog.slice(0, 40));

    const fromA = await run(middleware, changelogConversation(), key);
    expect(fromA).toEqual({ type: 'text', value: changelog });
  });

  it('a tenant scope shares originals across that tenant’s conversations, and only there', async () => {
    const middleware = testMiddleware({ scope: (params) => tenantOf(params) });
    const acme = { headroom: { tenant: 'acme' } };
    const model = retrievingModel(() => undefined);
    await generateText({
      model: wrapLanguageModel({ model, middleware }),
      ...changelogConversation(),
      providerOptions: acme,
    });
    const key = markerKeys((model.doGenerateCalls[0] as LanguageModelV3CallOptions).prompt)[0]!;

    expect(await run(middleware, releasesConversation(), key, acme)).toEqual({
      type: 'text',
      value: changelog,
    });
    const globex = { headroom: { tenant: 'globex' } };
    expect((await run(middleware, releasesConversation(), key, globex)).type).toBe('error-text');
    // The per-call scope wins over the option.
    expect(
      (await run(middleware, releasesConversation(), key, { headroom: { scope: 'acme-x' } })).type,
    ).toBe('error-text');
  });
});

function tenantOf(params: {
  providerOptions?: Record<string, Record<string, unknown> | undefined>;
}) {
  const tenant = params.providerOptions?.headroom?.tenant;
  return typeof tenant === 'string' ? tenant : undefined;
}

describe('scope validation', () => {
  it('rejects a bad scope option or per-call scope with an InvalidOptionError naming it', async () => {
    expect(() => testMiddleware({ scope: '' })).toThrow(InvalidOptionError);
    const middleware = testMiddleware();
    await expect(
      viaGenerate(middleware, changelogConversation(), undefined, {
        headroom: { scope: 'x'.repeat(600) },
      }),
    ).rejects.toMatchObject({ option: 'providerOptions.headroom.scope' });
  });
});
