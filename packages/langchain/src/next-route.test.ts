/**
 * The Next.js route handler of the README's LangChain section, run as Next runs it: a `POST(req)` that
 * gets a web `Request` and returns a streaming `Response`. Only the model is scripted; the agent, its
 * tool, the checkpointer and the stream are LangChain's own.
 */
import {
  AIMessageChunk,
  HumanMessage,
  ToolMessage,
  type BaseMessage,
} from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { MemorySaver } from '@langchain/langgraph';
import { RETRIEVE_TOOL_NAME } from '@headroom/core/internal';
import { createAgent } from 'langchain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HeadroomChatModel } from './headroom-chat-model.js';
import { markerKeys } from './test-utils/conversation.js';
import { releases } from './test-utils/payloads.js';
import { ScriptedChatModel, reply } from './test-utils/scripted-chat-model.js';

const chatModel = new ScriptedChatModel((messages: BaseMessage[], call) => {
  const last = messages.at(-1)!;
  if (HumanMessage.isInstance(last))
    return reply('', {
      id: `m${call}`,
      calls: [{ name: 'list_releases', args: { package: '@langchain/core' }, id: `c${call}` }],
    });
  if (ToolMessage.isInstance(last) && last.name !== RETRIEVE_TOOL_NAME) {
    return reply('Checking the details. ', {
      id: `m${call}`,
      calls: [
        {
          name: RETRIEVE_TOOL_NAME,
          args: { key: markerKeys(messages).at(-1)!, query: 'streaming' },
          id: `r${call}`,
        },
      ],
    });
  }
  return reply('Streaming changed in 0.3.', { id: `m${call}` });
});

const listReleases = tool(
  async ({ package: name }) => (name === '@langchain/core' ? JSON.stringify(releases) : '[]'),
  {
    name: 'list_releases',
    description: 'Lists the releases of a package.',
    schema: z.object({ package: z.string() }),
  },
);

// --- app/api/chat/route.ts, as in the README (the model is `new ChatOpenAI({ model: 'gpt-4.1' })` there) ---
const agent = createAgent({
  model: new HeadroomChatModel(chatModel),
  tools: [listReleases],
  checkpointer: new MemorySaver(),
});

async function POST(req: Request): Promise<Response> {
  const { message, threadId } = (await req.json()) as { message: string; threadId: string };
  const stream = await agent.stream(
    { messages: [{ role: 'user', content: message }] },
    { configurable: { thread_id: threadId }, streamMode: 'messages', signal: req.signal },
  );
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      for await (const [chunk] of stream) {
        if (AIMessageChunk.isInstance(chunk) && chunk.text)
          controller.enqueue(encoder.encode(chunk.text));
      }
      controller.close();
    },
  });
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
}
// --- end of route.ts ---

describe('Next.js route handler with LangChain', () => {
  it('streams the agent’s answer; the retrieval round adds its text and nothing else', async () => {
    const request = new Request('http://localhost/api/chat', {
      method: 'POST',
      body: JSON.stringify({ message: 'Which release changed streaming?', threadId: 't1' }),
    });

    const response = await POST(request);

    expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await response.text()).toBe('Checking the details. Streaming changed in 0.3.');
    expect(chatModel.calls).toHaveLength(3);
    expect(chatModel.calls.map((c) => c.tools)).toEqual([
      ['list_releases', RETRIEVE_TOOL_NAME],
      ['list_releases', RETRIEVE_TOOL_NAME],
      ['list_releases', RETRIEVE_TOOL_NAME],
    ]);
    const { values } = await agent.getState({ configurable: { thread_id: 't1' } });
    const history = (values as { messages: BaseMessage[] }).messages;
    expect(history.map((m) => m.type)).toEqual(['human', 'ai', 'tool', 'ai']);
    expect(history.at(-1)!.text).toBe('Checking the details. Streaming changed in 0.3.');
  });
});
