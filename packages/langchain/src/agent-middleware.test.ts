import { AIMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { MemorySaver } from '@langchain/langgraph';
import { RETRIEVE_TOOL_NAME } from '@headroom/core/internal';
import { createAgent } from 'langchain';
import { describe, expect, it } from 'vitest';
import { headroomAgentMiddleware } from './agent-middleware.js';
import { markerKeys } from './test-utils/conversation.js';
import { releases } from './test-utils/payloads.js';
import { listReleasesTool, releasesAgentModel } from './test-utils/release-agent.js';
import { ScriptedChatModel, reply } from './test-utils/scripted-chat-model.js';
import type { CompressEvent } from './types.js';

const listReleases = listReleasesTool();

describe('headroomAgentMiddleware', () => {
  it('compresses tool results for the model and answers its retrievals without the agent loop seeing them', async () => {
    const model = releasesAgentModel();
    const events: CompressEvent[] = [];
    const agent = createAgent({
      model,
      tools: [listReleases],
      middleware: [headroomAgentMiddleware({ onCompress: (event) => events.push(event) })],
    });

    const { messages } = await agent.invoke({
      messages: [new HumanMessage('Which release changed streaming?')],
    });

    expect(messages.map((m) => m.type)).toEqual(['human', 'ai', 'tool', 'ai']);
    expect(messages.at(-1)!.content).toBe('Streaming changed in 0.3.');
    expect(JSON.parse(String(messages[2]!.content))).toEqual(releases);
    expect(
      messages
        .flatMap((m) => (AIMessage.isInstance(m) ? (m.tool_calls ?? []) : []))
        .map((c) => c.name),
    ).toEqual(['list_releases']);

    expect(model.calls).toHaveLength(3);
    expect(model.calls.map((c) => c.tools)).toEqual([
      ['list_releases'],
      ['list_releases', RETRIEVE_TOOL_NAME],
      ['list_releases', RETRIEVE_TOOL_NAME],
    ]);
    const sentTool = model.calls[1]!.messages.find((m) => ToolMessage.isInstance(m))!;
    expect(String(sentTool.content).length).toBeLessThan(String(messages[2]!.content).length / 2);
    expect(String(model.calls[2]!.messages.at(-1)!.content)).toMatch(/parts match "streaming":/);
    expect(events.map((e) => e.compressed)).toEqual([false, true]);
  });

  it('gives the agent an answer when retrieval rounds run out: a final model call with toolChoice none', async () => {
    // Calls the app's tool first, then retrieves whenever a tool may be called.
    const model = new ScriptedChatModel((messages, call, toolChoice) => {
      if (HumanMessage.isInstance(messages.at(-1)))
        return reply('', {
          id: `m${call}`,
          calls: [{ name: 'list_releases', args: { package: '@langchain/core' }, id: `c${call}` }],
        });
      if (toolChoice === 'none') return reply('Going by the summary: 0.3.', { id: `m${call}` });
      return reply('', {
        id: `m${call}`,
        calls: [
          { name: RETRIEVE_TOOL_NAME, args: { key: markerKeys(messages).at(-1)! }, id: `r${call}` },
        ],
      });
    });
    const events: CompressEvent[] = [];
    const agent = createAgent({
      model,
      tools: [listReleases],
      middleware: [
        headroomAgentMiddleware({
          retrieval: { maxRounds: 1 },
          onCompress: (event) => events.push(event),
        }),
      ],
    });

    const { messages } = await agent.invoke({
      messages: [new HumanMessage('Which release changed streaming?')],
    });

    expect(messages.map((m) => m.type)).toEqual(['human', 'ai', 'tool', 'ai']);
    expect(messages.at(-1)!.content).toBe('Going by the summary: 0.3.');
    // The app's tool call, then one answered round, then the final call with no tool callable.
    expect(model.calls.map((c) => c.toolChoice)).toEqual([undefined, undefined, undefined, 'none']);
    expect(model.calls[3]!.tools).toEqual(['list_releases', RETRIEVE_TOOL_NAME]);
    expect(events.at(-1)!.retrievalExhausted).toEqual({ maxRounds: 1, unanswered: 1 });
  });

  it('keeps the compressed history byte-identical on the next turn of the same thread', async () => {
    const model = releasesAgentModel();
    const agent = createAgent({
      model,
      tools: [listReleases],
      middleware: [headroomAgentMiddleware()],
      checkpointer: new MemorySaver(),
    });
    const config = { configurable: { thread_id: 'thread-1' } };

    await agent.invoke(
      { messages: [new HumanMessage('Which release changed streaming?')] },
      config,
    );
    await agent.invoke({ messages: [new HumanMessage('And tool calling?')] }, config);

    const sent = model.calls.map((c) => c.messages.map((m) => JSON.stringify(m.toDict())));
    expect(sent).toHaveLength(6);
    const turn1 = sent[2]!;
    expect(sent[3]!.slice(0, turn1.length - 2)).toEqual(turn1.slice(0, -2));
    expect(sent[5]!.slice(0, sent[4]!.length)).toEqual(sent[4]);
  });
});
