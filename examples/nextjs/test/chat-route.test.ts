import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceLog } from '../lib/tools';
import { startFakeOpenAI, type ReceivedRequest } from './fake-openai';
import { nextStart } from './next-start';

const question = 'Why did checkout fail?';
const answer = ['Checkout failed because ', 'the payment provider timed out ', '(request 1271).'];

const toolMessages = (request: ReceivedRequest) =>
  request.messages.filter((m) => m.role === 'tool');

let fake: Awaited<ReturnType<typeof startFakeOpenAI>>;
let app: Awaited<ReturnType<typeof nextStart>>;

beforeAll(async () => {
  // The fake model reads the checkout log first, then answers.
  fake = await startFakeOpenAI((request) =>
    toolMessages(request).length === 0
      ? { toolCall: { name: 'serviceLog', arguments: JSON.stringify({ service: 'checkout' }) } }
      : { text: answer },
  );
  app = await nextStart({
    OPENAI_COMPATIBLE_BASE_URL: fake.baseURL,
    OPENAI_COMPATIBLE_API_KEY: 'test-key',
    CHAT_MODEL: 'gpt-4.1-mini',
  });
}, 120_000);

afterAll(() => {
  app?.stop();
  fake?.server.close();
});

type UIMessageBody = { id: string; role: 'user' | 'assistant'; parts: object[] };

/** Posts what `useChat()` posts and reads the UI message stream as it arrives. */
async function postChat(
  path: string,
  messages: UIMessageBody[] = [
    { id: 'm1', role: 'user', parts: [{ type: 'text', text: question }] },
  ],
): Promise<{ status: number; events: Array<Record<string, unknown>> }> {
  const response = await fetch(`${app.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ id: `chat-${path}`, trigger: 'submit-message', messages }),
  });
  const events: Array<Record<string, unknown>> = [];
  const decoder = new TextDecoder();
  let buffer = '';
  const reader = response.body!.getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    buffer += decoder.decode(read.value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const data = buffer.slice(0, end).replace(/^data: /, '');
      buffer = buffer.slice(end + 2);
      if (data !== '[DONE]') events.push(JSON.parse(data) as Record<string, unknown>);
    }
  }
  return { status: response.status, events };
}

describe.each([
  ['Node.js', '/api/chat'],
  ['Edge', '/api/chat/edge'],
])('the %s chat route under next start', (_runtime, path) => {
  it('sends the model a compressed tool result and streams its reply to the client', async () => {
    const before = fake.requests.length;
    const { status, events } = await postChat(path);
    expect(status, app.output()).toBe(200);

    const received = fake.requests.slice(before);
    expect(received).toHaveLength(2);
    const [toolResult] = toolMessages(received[1]!);
    const content = String(toolResult!.content);
    const original = serviceLog('checkout');
    expect(content, app.output()).toMatch(/<<ccr:[0-9a-f]{24}/);
    expect(content).toContain(
      'ERROR checkout payment provider timed out after 30000 ms (request 1271)',
    );
    expect(content.length).toBeLessThan(original.length / 4);
    expect(received[1]!.tools?.map((t) => t.function.name)).toContain('headroom_retrieve');

    const text = events.filter((e) => e.type === 'text-delta').map((e) => e.delta as string);
    expect(text.join('')).toBe(answer.join(''));
    expect(events.at(-1)).toMatchObject({ type: 'finish' });
  });

  it('compresses a conversation holding six earlier tool results (work long enough to yield)', async () => {
    // Compressing six logs runs past the pipeline's slice of synchronous work, so it yields to the
    // event loop between them: Next's Edge sandbox has a setImmediate that throws when called.
    const services = ['checkout', 'search', 'billing', 'checkout', 'search', 'billing'] as const;
    const before = fake.requests.length;
    const { status } = await postChat(path, [
      { id: 'm1', role: 'user', parts: [{ type: 'text', text: question }] },
      {
        id: 'm2',
        role: 'assistant',
        parts: services.map((service, i) => ({
          type: 'tool-serviceLog',
          toolCallId: `earlier_${i}`,
          state: 'output-available',
          input: { service },
          output: serviceLog(service),
        })),
      },
      { id: 'm3', role: 'user', parts: [{ type: 'text', text: 'And what about billing?' }] },
    ]);
    expect(status, app.output()).toBe(200);
    const [request] = fake.requests.slice(before);
    const results = toolMessages(request!).map((m) => String(m.content));
    expect(results).toHaveLength(services.length);
    for (const [i, content] of results.entries()) {
      expect(content, app.output()).toMatch(/<<ccr:[0-9a-f]{24}/);
      expect(content.length).toBeLessThan(serviceLog(services[i]!).length / 4);
    }
  });
});
