import { FakeChatModel, FakeListChatModel } from '@langchain/core/utils/testing';
import { BaseCallbackHandler } from '@langchain/core/callbacks/base';
import { awaitAllCallbacks } from '@langchain/core/callbacks/promises';
import {
  type AIMessage,
  type AIMessageChunk,
  HumanMessage,
  ToolMessage,
  type BaseMessage,
} from '@langchain/core/messages';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatPromptTemplate, MessagesPlaceholder } from '@langchain/core/prompts';
import { createStats, MemoryCcrStore, RETRIEVE_TOOL_NAME } from '@headroom/core/internal';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HeadroomChatModel, COMPRESS_EVENT } from './headroom-chat-model.js';
import { conversation, markerKeys, toolTurn } from './test-utils/conversation.js';
import { releases } from './test-utils/payloads.js';
import { listReleasesTool } from './test-utils/release-agent.js';
import { ScriptedChatModel, reply, type Script } from './test-utils/scripted-chat-model.js';
import type { CompressEvent } from './types.js';

/** Retrieves the first marker it is shown, then answers with `answer`. */
function retrieveThenAnswer(answer: string, query?: string): Script {
  return (messages, call) => {
    const [key] = markerKeys(messages);
    if (call === 0 && key)
      return reply('Let me look closer. ', {
        id: 'msg-1',
        calls: [{ name: RETRIEVE_TOOL_NAME, args: { key, ...(query ? { query } : {}) }, id: 'r1' }],
        tokens: [200, 20],
      });
    return reply(answer, { id: `msg-${call + 1}`, tokens: [300, 30] });
  };
}

describe('HeadroomChatModel', () => {
  it('compresses a big real tool result in a prompt | model | parser chain and leaves everything else as it was', async () => {
    // LangChain's FakeChatModel answers with the text of every message it was sent, one per line.
    const prompt = ChatPromptTemplate.fromMessages([
      ['system', 'You answer questions about LangChain releases.'],
      new MessagesPlaceholder('history'),
    ]);
    const chain = prompt
      .pipe(new HeadroomChatModel(new FakeChatModel({})))
      .pipe(new StringOutputParser());
    const history = toolTurn();

    const seen = await chain.invoke({ history });

    const original = String(history[2]!.content);
    const [system, human, ai, ...tool] = seen.split('\n');
    expect([system, human, ai]).toEqual([
      'You answer questions about LangChain releases.',
      'Which release changed tool calling?',
      '',
    ]);
    const compressed = tool.join('\n');
    expect(compressed.length).toBeLessThan(original.length / 2);
    expect(compressed).toMatch(/<<ccr:[0-9a-f]{24}/);
    expect(JSON.parse(compressed)[0]).toEqual(releases[0]);
  });

  it('answers a retrieval round itself: the inner model is called twice, the caller gets one message', async () => {
    const llm = new ScriptedChatModel(retrieveThenAnswer('Tool calling changed in 0.3.'));
    const stats = createStats();
    const model = new HeadroomChatModel(llm, { stats });

    const message = await model.invoke(conversation());

    expect(llm.calls).toHaveLength(2);
    expect(llm.calls[0]!.tools).toEqual([RETRIEVE_TOOL_NAME]);
    expect(message.content).toBe('Let me look closer. Tool calling changed in 0.3.');
    expect(message.tool_calls).toEqual([]);
    expect(message.usage_metadata).toMatchObject({
      input_tokens: 500,
      output_tokens: 50,
      total_tokens: 550,
    });
    const second = llm.calls[1]!.messages;
    const answer = second.at(-1) as ToolMessage;
    expect(answer).toMatchObject({
      tool_call_id: 'r1',
      name: RETRIEVE_TOOL_NAME,
      status: 'success',
    });
    expect(JSON.parse(String(answer.content))).toEqual(releases);
    expect(second.at(-2)).toMatchObject({ tool_calls: [{ id: 'r1', name: RETRIEVE_TOOL_NAME }] });
    expect(stats.snapshot()).toMatchObject({ ccr: { hits: 1, misses: 0 }, retrievalRounds: 1 });
  });

  it('streams the inner chunks in order with one final chunk, retrieval rounds unseen', async () => {
    const llm = new ScriptedChatModel(retrieveThenAnswer('Tool calling changed in 0.3.'));
    const model = new HeadroomChatModel(llm);

    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await model.stream(conversation())) chunks.push(chunk);

    expect(llm.calls).toHaveLength(2);
    expect(chunks.map((c) => c.content)).toEqual([
      'Let ',
      'me ',
      'look ',
      'closer. ',
      'Tool ',
      'calling ',
      'changed ',
      'in ',
      '0.3.',
      '',
    ]);
    expect(chunks.every((c) => c.tool_call_chunks?.length === 0)).toBe(true);
    expect(new Set(chunks.map((c) => c.id))).toEqual(new Set(['msg-1']));
    expect(chunks.slice(0, -1).every((c) => c.usage_metadata === undefined)).toBe(true);
    expect(chunks.at(-1)!.usage_metadata).toMatchObject({
      input_tokens: 500,
      output_tokens: 50,
      total_tokens: 550,
    });
    const whole = chunks.reduce((a, b) => a.concat(b));
    expect(whole.text).toBe('Let me look closer. Tool calling changed in 0.3.');
    expect(whole.tool_calls).toEqual([]);
  });

  it('runs batch() over several conversations, each compressed and answered', async () => {
    const llm = new ScriptedChatModel((messages) =>
      reply(`seen ${messages.length} messages, ${markerKeys(messages).length} marker`),
    );
    const model = new HeadroomChatModel(llm);

    const out = await model.batch([conversation(), [new HumanMessage('hi')]]);

    expect(out.map((m) => m.content)).toEqual([
      'seen 4 messages, 1 marker',
      'seen 1 messages, 0 marker',
    ]);
  });

  it('binds the application’s tools plus headroom_retrieve for a hand-written tool loop', async () => {
    const listReleases = listReleasesTool();
    const llm = new ScriptedChatModel((messages, call) => {
      if (call === 0)
        return reply('', {
          calls: [{ name: 'list_releases', args: { package: '@langchain/core' }, id: 'c1' }],
        });
      if (call === 1)
        return reply('', {
          calls: [
            {
              name: RETRIEVE_TOOL_NAME,
              args: { key: markerKeys(messages)[0]!, query: 'tool' },
              id: 'r1',
            },
          ],
        });
      return reply('Found it.');
    });
    const model = new HeadroomChatModel(llm).bindTools([listReleases]);
    expect(model).toBeInstanceOf(HeadroomChatModel);

    const messages: BaseMessage[] = [new HumanMessage('Which release changed tool calling?')];
    for (let step = 0; step < 5; step++) {
      const message = await model.invoke(messages);
      messages.push(message);
      if (!message.tool_calls?.length) break;
      for (const call of message.tool_calls) messages.push(await listReleases.invoke(call));
    }

    expect(messages.map((m) => m.type)).toEqual(['human', 'ai', 'tool', 'ai']);
    expect(messages.at(-1)!.content).toBe('Found it.');
    expect(llm.calls.map((c) => c.tools)).toEqual([
      ['list_releases', RETRIEVE_TOOL_NAME],
      ['list_releases', RETRIEVE_TOOL_NAME],
      ['list_releases', RETRIEVE_TOOL_NAME],
    ]);
    const retrieval = llm.calls[2]!.messages.at(-1) as ToolMessage;
    expect(String(retrieval.content)).toMatch(/^\d+ of \d+ parts match "tool":/);
  });

  it('works with withStructuredOutput, retrieval round included', async () => {
    const llm = new ScriptedChatModel((messages, call) => {
      if (call === 0)
        return reply('', {
          calls: [{ name: RETRIEVE_TOOL_NAME, args: { key: markerKeys(messages)[0]! }, id: 'r1' }],
        });
      return reply('', {
        calls: [{ name: 'extract', args: { version: '0.3.0', count: 2 }, id: 'x1' }],
      });
    });
    const structured = new HeadroomChatModel(llm).withStructuredOutput(
      z.object({ version: z.string(), count: z.number() }),
    );

    await expect(structured.invoke(conversation())).resolves.toEqual({
      version: '0.3.0',
      count: 2,
    });
    expect(llm.calls[0]!.tools).toEqual(['extract', RETRIEVE_TOOL_NAME]);
  });

  it("leaves jsonSchema, jsonMode and strict structured output to the wrapped model's own method, on compressed messages", async () => {
    // LangChain's base withStructuredOutput refuses jsonMode and strict: a wrapper using it would too.
    const answers: string[] = [];
    class JsonModeModel extends ScriptedChatModel {
      override withStructuredOutput(
        _schema: Parameters<ScriptedChatModel['withStructuredOutput']>[0],
        config?: { method?: string; strict?: boolean; includeRaw?: boolean },
      ) {
        answers.push(`${config?.method}${config?.strict ? ' strict' : ''}`);
        return this.pipe((message) => JSON.parse(String(message.content)));
      }
    }
    const llm = new JsonModeModel([reply('{"version":"0.3.0","count":2}')]);
    const schema = z.object({ version: z.string(), count: z.number() });
    for (const config of [
      { method: 'jsonSchema' as const, strict: true },
      { method: 'jsonMode' as const },
    ]) {
      const structured = new HeadroomChatModel(llm).withStructuredOutput(schema, config);
      const parsed: { version: string; count: number } = await structured.invoke(conversation());
      expect(parsed).toEqual({ version: '0.3.0', count: 2 });
    }

    expect(answers).toEqual(['jsonSchema strict', 'jsonMode']);
    expect(llm.calls).toHaveLength(2);
    for (const call of llm.calls) {
      // Compressed like any call, and no tool offered: the output format is forced.
      expect(markerKeys(call.messages)).toHaveLength(1);
      expect(call.tools).toEqual([]);
    }
  });

  it('sends the compression metrics to callbacks and to onCompress', async () => {
    const events: Array<{ name: string; data: CompressEvent }> = [];
    let llmOutput: Record<string, unknown> | undefined;
    const handler = BaseCallbackHandler.fromMethods({
      handleCustomEvent: (name: string, data: CompressEvent) => void events.push({ name, data }),
      handleLLMEnd: (output) => void (llmOutput = output.llmOutput),
    });
    const seen: CompressEvent[] = [];
    const model = new HeadroomChatModel(new FakeListChatModel({ responses: ['ok'] }), {
      onCompress: (event) => seen.push(event),
    });

    await model.invoke(conversation(), { callbacks: [handler] });
    await awaitAllCallbacks();

    expect(events).toHaveLength(1);
    expect(events[0]!.name).toBe(COMPRESS_EVENT);
    const event = events[0]!.data;
    expect(event).toMatchObject({ compressed: true, retrievalTool: true, model: 'gpt-4o' });
    expect(event.tokensAfter).toBeLessThan(event.tokensBefore / 2);
    expect(event.ccrKeys).toHaveLength(1);
    expect(seen).toEqual([event]);
    expect(llmOutput).toEqual({ headroom: event });
  });

  it('keeps turn N byte-identical in turn N+1, per thread and per conversation opening', async () => {
    for (const config of [{ configurable: { thread_id: 'thread-7' } }, {}]) {
      const llm = new ScriptedChatModel([reply('Version 0.3.0.')]);
      const model = new HeadroomChatModel(llm);
      const turn1 = conversation();
      const answer1 = await model.invoke(turn1, config);
      const turn2 = [
        ...turn1,
        answer1,
        ...toolTurn('And which one changed streaming?', 'call_again'),
      ];
      await model.invoke(turn2, config);

      const [first, second] = llm.calls.map((c) =>
        c.messages.map((m) => JSON.stringify(m.toDict())),
      );
      expect(second!.slice(0, first!.length)).toEqual(first);
      expect(markerKeys(llm.calls[1]!.messages)).toHaveLength(2);
    }
  });

  it('answers retrievals mixed with the application’s calls inline and restores them on the next call', async () => {
    const llm = new ScriptedChatModel((messages, call) => {
      if (call === 0) {
        return reply('', {
          calls: [
            { name: RETRIEVE_TOOL_NAME, args: { key: markerKeys(messages)[0]! }, id: 'r1' },
            { name: 'list_releases', args: { package: 'langchain' }, id: 'c2' },
          ],
        });
      }
      return reply('Both compared.');
    });
    const model = new HeadroomChatModel(llm);
    const history = conversation();

    const mixed = await model.invoke(history);
    expect(mixed.tool_calls?.map((c) => c.id)).toEqual(['c2']);
    const next = [
      ...history,
      mixed,
      new ToolMessage({ content: '[]', tool_call_id: 'c2', name: 'list_releases' }),
    ];
    const final = await model.invoke(next);

    expect(final.content).toBe('Both compared.');
    expect(llm.calls).toHaveLength(2);
    const sent = llm.calls[1]!.messages;
    expect(sent.map((m) => m.type)).toEqual([
      'system',
      'human',
      'ai',
      'tool',
      'ai',
      'tool',
      'tool',
    ]);
    expect((sent[4] as AIMessage).tool_calls?.map((c) => c.id)).toEqual(['c2', 'r1']);
    expect(sent[4]!.response_metadata).not.toHaveProperty('headroom_retrievals');
    expect(sent.slice(5).map((m) => (m as ToolMessage).tool_call_id)).toEqual(['c2', 'r1']);
    expect(JSON.parse(String(sent[6]!.content))).toEqual(releases);
  });

  /** Retrieves whenever a tool may be called; answers from what it has when none may. */
  const alwaysRetrieves: Script = (messages, call, toolChoice) =>
    toolChoice === 'none'
      ? reply('From the summary: 0.3 changed tool calling.', { id: `m${call}`, tokens: [10, 5] })
      : reply('', {
          id: `m${call}`,
          calls: [
            { name: RETRIEVE_TOOL_NAME, args: { key: markerKeys(messages)[0]! }, id: `r${call}` },
          ],
          tokens: [10, 1],
        });

  it('after retrieval.maxRounds, notes the unanswered calls and makes a final call with tool_choice none', async () => {
    const llm = new ScriptedChatModel(alwaysRetrieves);
    const stats = createStats();
    const events: CompressEvent[] = [];
    const model = new HeadroomChatModel(llm, {
      stats,
      retrieval: { maxRounds: 2 },
      onCompress: (event) => events.push(event),
    });

    const message = await model.invoke(conversation());

    // The first call, two answered rounds, the final call: same tools, none callable.
    expect(llm.calls).toHaveLength(4);
    expect(llm.calls.map((c) => c.toolChoice)).toEqual([undefined, undefined, undefined, 'none']);
    expect(llm.calls[3]!.tools).toEqual([RETRIEVE_TOOL_NAME]);
    expect(llm.calls[3]!.messages.at(-1)).toMatchObject({
      tool_call_id: 'r2',
      status: 'error',
      content: expect.stringMatching(
        /^Not retrieved: the 2 retrieval rounds of this request are used up/,
      ),
    });
    expect(message.content).toBe('From the summary: 0.3 changed tool calling.');
    expect(message.tool_calls).toEqual([]);
    expect(message.usage_metadata).toMatchObject({ input_tokens: 40 });
    expect(stats.snapshot()).toMatchObject({ retrievalRounds: 2, retrievalExhausted: 1 });
    expect(events.map((e) => e.retrievalExhausted)).toEqual([
      undefined,
      { maxRounds: 2, unanswered: 1 },
    ]);
    expect(events[1]).toMatchObject({ tokensSaved: 0, model: 'gpt-4o' });
  });

  it('streams the final round after retrieval.maxRounds too', async () => {
    const llm = new ScriptedChatModel(alwaysRetrieves);
    const stats = createStats();
    const model = new HeadroomChatModel(llm, { stats, retrieval: { maxRounds: 1 } });

    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await model.stream(conversation())) chunks.push(chunk);

    expect(llm.calls.map((c) => c.toolChoice)).toEqual([undefined, undefined, 'none']);
    const whole = chunks.reduce((a, b) => a.concat(b));
    expect(whole.text).toBe('From the summary: 0.3 changed tool calling.');
    expect(whole.tool_calls).toEqual([]);
    expect(whole.usage_metadata).toMatchObject({ input_tokens: 30 });
    expect(stats.snapshot()).toMatchObject({ retrievalRounds: 1, retrievalExhausted: 1 });
  });

  it('drops retrieval calls the model makes even in the final call', async () => {
    const llm = new ScriptedChatModel((messages, call) =>
      reply('', {
        calls: [
          { name: RETRIEVE_TOOL_NAME, args: { key: markerKeys(messages)[0]! }, id: `r${call}` },
        ],
      }),
    );
    const message = await new HeadroomChatModel(llm, { retrieval: { maxRounds: 2 } }).invoke(
      conversation(),
    );
    expect(llm.calls).toHaveLength(4);
    expect(message.tool_calls).toEqual([]);
  });

  it('turns a missing key into a tool error the model sees', async () => {
    const llm = new ScriptedChatModel([
      reply('', { calls: [{ name: RETRIEVE_TOOL_NAME, args: { key: 'a'.repeat(24) }, id: 'r' }] }),
      reply('Sorry.'),
    ]);
    const message = await new HeadroomChatModel(llm, { store: new MemoryCcrStore() }).invoke(
      conversation(),
    );

    expect(message.content).toBe('Sorry.');
    expect(llm.calls[1]!.messages.at(-1)).toMatchObject({
      status: 'error',
      content: expect.stringMatching(/^Error: /),
    });
  });

  it('honours an abort signal between rounds', async () => {
    const controller = new AbortController();
    const llm = new ScriptedChatModel((messages, call) => {
      controller.abort(new Error('stopped by the user'));
      return retrieveThenAnswer('never')(messages, call);
    });

    await expect(
      new HeadroomChatModel(llm).invoke(conversation(), { signal: controller.signal }),
    ).rejects.toThrow(/abort|stopped/i);
    expect(llm.calls).toHaveLength(1);
  });

  it('passes everything through when disabled', async () => {
    const llm = new ScriptedChatModel([reply('plain')]);
    const history = conversation();
    await new HeadroomChatModel(llm, { enabled: false }).invoke(history);

    expect(llm.calls[0]!.messages).toEqual(history);
    expect(llm.calls[0]!.tools).toEqual([]);
  });

  it("shares its store with a createHeadroom() instance, in the instance's scope", async () => {
    const { createHeadroom } = await import('@headroom/core');
    const headroom = createHeadroom({ scope: 'tenant-a' });
    const llm = new ScriptedChatModel([reply('ok')]);
    await new HeadroomChatModel({ llm, headroom }).invoke(conversation());

    const [key] = markerKeys(llm.calls[0]!.messages);
    expect(JSON.parse((await headroom.retrieve(key!)).content)).toEqual(releases);
  });
});
