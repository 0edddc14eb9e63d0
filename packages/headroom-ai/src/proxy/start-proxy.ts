import { serve } from '@hono/node-server';
import { createProxyApp, type ProxyOptions } from './create-proxy-app.js';

/** Options for {@link startProxy}: the app's, plus where to listen. */
export interface StartProxyOptions extends ProxyOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the proxy carries API keys, so it listens on loopback unless told otherwise. */
  host?: string;
}

/** A running proxy. */
export interface RunningProxy {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the proxy on Node's HTTP server. */
export function startProxy(options: StartProxyOptions = {}): Promise<RunningProxy> {
  const app = createProxyApp(options);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, (info) => {
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${info.port}`,
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
