import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake provider received: enough to check compression and header forwarding. */
export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
  json?: Record<string, unknown>;
}

/** One scripted reply: JSON, or SSE events written one by one (pausing after `holdAfter` until `release()`). */
export interface FakeReply {
  status?: number;
  json?: unknown;
  sse?: string[];
  holdAfter?: number;
  /** Wait for `release()` before sending anything, headers included. */
  holdHeaders?: boolean;
  headers?: Record<string, string>;
}

/** A provider stand-in on loopback that records requests and answers from a script. */
export interface FakeProvider {
  url: string;
  requests: RecordedRequest[];
  /** Queues replies, used in order; when the queue is empty the last one repeats. */
  reply(...replies: Array<FakeReply | ((request: RecordedRequest) => FakeReply)>): void;
  /** Lets a held SSE reply finish. */
  release(): void;
  /** Resolves when a held reply's client went away (the proxy aborted it). */
  aborted: Promise<void>;
  close(): Promise<void>;
}

/** Starts a fake provider on 127.0.0.1 with a free port. */
export async function startFakeProvider(): Promise<FakeProvider> {
  const requests: RecordedRequest[] = [];
  let queue: Array<FakeReply | ((request: RecordedRequest) => FakeReply)> = [];
  let last: FakeReply | ((request: RecordedRequest) => FakeReply) = { json: {} };
  let release!: () => void;
  let gate = new Promise<void>((r) => (release = r));
  let onAbort!: () => void;
  const aborted = new Promise<void>((r) => (onAbort = r));

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    let json: Record<string, unknown> | undefined;
    try {
      json = JSON.parse(body) as Record<string, unknown>;
    } catch {
      json = undefined;
    }
    const recorded: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body,
      ...(json ? { json } : {}),
    };
    requests.push(recorded);
    const next = queue.shift() ?? last;
    last = next;
    const reply = typeof next === 'function' ? next(recorded) : next;
    res.on('close', () => {
      if (!res.writableFinished) onAbort();
    });
    if (reply.holdHeaders) await gate;
    if (reply.sse) {
      res.writeHead(reply.status ?? 200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-cache',
        ...reply.headers,
      });
      for (const [i, event] of reply.sse.entries()) {
        res.write(event);
        if (i === reply.holdAfter) await gate;
      }
      return res.end();
    }
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => {
      queue = [...queue, ...replies];
    },
    release: () => {
      release();
      gate = new Promise<void>((r) => (release = r));
    },
    aborted,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
