import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A Chat Completions request as the fake provider received it. */
export interface ReceivedRequest {
  model: string;
  messages: Array<{ role: string; content: unknown; tool_calls?: unknown[] }>;
  tools?: Array<{ function: { name: string } }>;
}

/** What the fake says next, given the conversation so far. */
export type Script = (
  request: ReceivedRequest,
) => { toolCall: { name: string; arguments: string } } | { text: string[] };

async function readBody(request: IncomingMessage): Promise<string> {
  let body = '';
  for await (const chunk of request) body += String(chunk);
  return body;
}

const chunk = (delta: object, finish: string | null = null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 0, model: 'fake', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;

/**
 * An OpenAI-compatible provider on loopback that streams what `script` says (only the LLM is simulated):
 * a tool call, or text in the given pieces. Every request is kept for the test to inspect.
 */
export async function startFakeOpenAI(
  script: Script,
): Promise<{ baseURL: string; requests: ReceivedRequest[]; server: Server }> {
  const requests: ReceivedRequest[] = [];
  const server = createServer(async (req, res) => {
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions')
      return void res.writeHead(404).end();
    const request = JSON.parse(await readBody(req)) as ReceivedRequest;
    requests.push(request);
    const next = script(request);
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write(chunk({ role: 'assistant', content: '' }));
    if ('toolCall' in next) {
      const call = {
        index: 0,
        id: `call_${requests.length}`,
        type: 'function',
        function: next.toolCall,
      };
      res.write(chunk({ tool_calls: [call] }));
      res.write(chunk({}, 'tool_calls'));
    } else {
      for (const piece of next.text) res.write(chunk({ content: piece }));
      res.write(chunk({}, 'stop'));
    }
    res.end('data: [DONE]\n\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    server,
  };
}
