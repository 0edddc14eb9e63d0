import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A stored value and the expiry it was set with. */
export interface FakeEntry {
  value: string;
  ex?: number;
}

/**
 * A local stand-in for the Upstash REST API (single commands and `/pipeline`, base64 responses),
 * enough for SET/GET/EXISTS/DEL so the real `@upstash/redis` client can run without the network.
 */
export async function startFakeUpstash(): Promise<{ url: string; data: Map<string, FakeEntry>; close(): Promise<void> }> {
  const data = new Map<string, FakeEntry>();
  const run = ([command, key = '', ...args]: string[]): unknown => {
    switch (command?.toLowerCase()) {
      case 'set': {
        const ex = args.findIndex((arg) => arg.toLowerCase() === 'ex');
        data.set(key, { value: args[0] ?? '', ...(ex >= 0 ? { ex: Number(args[ex + 1]) } : {}) });
        return 'OK';
      }
      case 'get':
        return encode(data.get(key)?.value ?? null);
      case 'exists':
        return data.has(key) ? 1 : 0;
      case 'del':
        return data.delete(key) ? 1 : 0;
      default:
        throw new Error(`fake Upstash does not know ${command}`);
    }
  };
  const server = createServer(async (req, res) => {
    let body = '';
    for await (const chunk of req) body += chunk;
    const parsed = JSON.parse(body) as string[] | string[][];
    const answer = req.url?.endsWith('/pipeline') ? (parsed as string[][]).map((command) => ({ result: run(command) })) : { result: run(parsed as string[]) };
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(answer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, data, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

// Upstash answers strings base64-encoded unless asked not to; the client decodes them.
function encode(value: string | null): string | null {
  return value === null ? null : Buffer.from(value).toString('base64');
}
