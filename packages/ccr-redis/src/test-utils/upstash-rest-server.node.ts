import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient, RESP_TYPES } from 'redis';

/** A running Upstash-REST-compatible server on loopback. */
export interface UpstashRestServer {
  url: string;
  token: string;
  /** Requests served, by path (`/`, `/pipeline`), for asserting round trips. */
  requests: Map<string, number>;
  close(): Promise<void>;
}

/**
 * The Upstash REST protocol in front of a real Redis: POST a JSON command array to `/`, or an array of
 * them to `/pipeline`; `Authorization: Bearer <token>`; replies `{ result }` / `{ error }`. With
 * `Upstash-Encoding: base64` (what `@upstash/redis` asks for by default) bulk strings go back as base64
 * of their bytes; status replies such as `OK`, integers and nulls as they are.
 */
export async function startUpstashRestServer(
  options: { redisUrl?: string; token?: string } = {},
): Promise<UpstashRestServer> {
  const token = options.token ?? 'test-token';
  // Bulk strings as Buffers: they can then be told apart from status replies and re-encoded byte for byte.
  const connection = createClient({
    url: options.redisUrl ?? 'redis://127.0.0.1:6379',
    disableOfflineQueue: true,
  });
  // A backend that goes away makes commands fail (an `{ error }` reply), as on Upstash, not crash the server.
  connection.on('error', () => {});
  await connection.connect();
  const redis = connection.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
  const requests = new Map<string, number>();

  const run = async (command: unknown, base64: boolean) => {
    if (!Array.isArray(command) || command.length === 0)
      return { error: 'ERR command must be a non-empty array' };
    try {
      const reply = await redis.sendCommand(command.map((part) => String(part)));
      return { result: encodeReply(reply, base64) };
    } catch (error) {
      return { error: error instanceof Error ? error.message : String(error) };
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    requests.set(path, (requests.get(path) ?? 0) + 1);
    if (req.headers.authorization !== `Bearer ${token}`)
      return reply(res, 401, { error: 'Unauthorized' });
    const base64 = String(req.headers['upstash-encoding'] ?? '').toLowerCase() === 'base64';
    const body = JSON.parse(await readBody(req)) as unknown;
    if (path === '/pipeline') {
      if (!Array.isArray(body))
        return reply(res, 400, { error: 'ERR pipeline body must be an array of commands' });
      const results = [];
      for (const command of body) results.push(await run(command, base64));
      return reply(res, 200, results);
    }
    if (path !== '/') return reply(res, 404, { error: `ERR unknown path ${path}` });
    const result = await run(body, base64);
    return reply(res, 'error' in result ? 400 : 200, result);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => reply(res, 500, { error: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    requests,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      if (connection.isReady) await connection.close();
      else connection.destroy();
    },
  };
}

function encodeReply(value: unknown, base64: boolean): unknown {
  if (Buffer.isBuffer(value)) return base64 ? value.toString('base64') : value.toString('utf8');
  if (Array.isArray(value)) return value.map((item) => encodeReply(item, base64));
  return value ?? null;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
