/**
 * The Next.js route handler of the README's LangChain section, run as Next runs it: a `POST(req)` that
 * gets a web `Request` and returns a streaming `Response`. Only the model is scripted; the agent, its
 * tool, the checkpointer and the stream are LangChain's own.
 */
import { AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { MemorySaver } from '@langchain/langgraph';
import { RETRIEVE_TOOL_NAME } from '@headroom/core/internal';
import { createAgent } from 'langchain';
import { describe, expect, it } from 'vitest';
import { HeadroomChatModel } from './headroom-chat-model.js';
import { listReleasesTool, releasesAgentModel } from './test-utils/release-agent.js';

const chatModel = releasesAgentModel('Checking the details. ');
const listReleases = listReleasesTool();

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
