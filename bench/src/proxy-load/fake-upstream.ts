import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Chunks per streamed answer, and the pause between them: a model emitting ~40 tokens at 500 tokens/s. */
export const STREAM_CHUNKS = 20;
export const CHUNK_GAP_MS = 4;

/**
 * A provider stand-in for load: every Chat Completions call streams the same short answer in
 * {@link STREAM_CHUNKS} chunks. It reads the whole request body, as a provider would, and counts calls.
 */
export async function startLoadUpstream(): Promise<{
  url: string;
  calls: () => number;
  close(): Promise<void>;
}> {
  let calls = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', async () => {
      calls += 1;
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      const chunk = (delta: unknown, finish: string | null = null) =>
        `data: ${JSON.stringify({ id: 'chatcmpl-load', object: 'chat.completion.chunk', created: 0, model: 'gpt-4o', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
      res.write(chunk({ role: 'assistant', content: '' }));
      for (let i = 0; i < STREAM_CHUNKS; i++) {
        await new Promise((resolve) => setTimeout(resolve, CHUNK_GAP_MS));
        res.write(chunk({ content: `token${i} ` }));
      }
      res.end(`${chunk({}, 'stop')}data: [DONE]\n\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls: () => calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
