import { serve } from '@hono/node-server';
import { appendLedger, ledgerRecord } from '../stats-ledger/index.js';
import { createProxyApp, type ProxyOptions } from './create-proxy-app.js';

/** Options for {@link startProxy}: the app's, plus where to listen. */
export interface StartProxyOptions extends ProxyOptions {
  /** Default 8787; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the proxy carries API keys, so it listens on loopback unless told otherwise. */
  host?: string;
  /** Stats ledger each compressed call is appended to (`headroom stats` reads it). Default: none. */
  ledgerPath?: string;
}

/** A running proxy. */
export interface RunningProxy {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the proxy on Node's HTTP server. */
export function startProxy(options: StartProxyOptions = {}): Promise<RunningProxy> {
  const { ledgerPath: path } = options;
  // Ledger lines still being written; close() waits for them so none is cut off.
  const writes = new Set<Promise<unknown>>();
  const app = createProxyApp(
    path === undefined
      ? options
      : {
          ...options,
          onCall(event) {
            options.onCall?.(event);
            if (event.tokensBefore === 0) return;
            const record = ledgerRecord(event, { source: 'proxy', ...(event.model ? { model: event.model } : {}), ms: event.compressMs });
            const write = appendLedger(record, { path }).then((done) => {
              if (!done.ok) options.log?.(`stats ledger ${path}: ${String((done.error as Error)?.message ?? done.error)}`);
              writes.delete(write);
            });
            writes.add(write);
          },
        },
  );
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, (info) => {
      const shown = host.includes(':') ? `[${host}]` : host;
      resolve({
        url: `http://${shown}:${info.port}`,
        port: info.port,
        close: async () => {
          await new Promise<void>((done) => {
            server.close(() => done());
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
          });
          await Promise.all(writes);
        },
      });
    });
    server.once('error', reject);
  });
}
