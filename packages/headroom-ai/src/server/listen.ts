import { serve } from '@hono/node-server';
import type { Hono } from 'hono';

/** A Hono app listening on Node's HTTP server. */
export interface Listening {
  /** `http://host:port`, with IPv6 hosts in brackets. */
  origin: string;
  port: number;
  /** Stops accepting, drops open connections (streams included), resolves when closed. */
  close(): Promise<void>;
}

/** Serves `app` on `host:port` (0 picks a free port); resolves once it listens. */
export function listen(
  app: Hono,
  { port, host }: { port: number; host: string },
): Promise<Listening> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, (info) => {
      resolve({
        origin: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      });
    });
    server.once('error', reject);
  });
}
