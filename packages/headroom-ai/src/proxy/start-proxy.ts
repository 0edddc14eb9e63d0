import { listen } from '../server/listen.js';
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

/** Starts the proxy on Node's HTTP server; with a ledger, it also serves the dashboard at `/dashboard`. */
export async function startProxy(options: StartProxyOptions = {}): Promise<RunningProxy> {
  const { ledgerPath: path } = options;
  // Ledger lines still being written; close() waits for them so none is cut off.
  const writes = new Set<Promise<unknown>>();
  const app = createProxyApp(
    path === undefined
      ? options
      : {
          ...options,
          dashboard: { ledgerPath: path },
          onCall(event) {
            options.onCall?.(event);
            if (event.tokensBefore === 0) return;
            const record = ledgerRecord(event, {
              source: 'proxy',
              ...(event.model ? { model: event.model } : {}),
              ms: event.compressMs,
            });
            const write = appendLedger(record, { path }).then((done) => {
              if (!done.ok)
                options.log?.(
                  `stats ledger ${path}: ${String((done.error as Error)?.message ?? done.error)}`,
                );
              writes.delete(write);
            });
            writes.add(write);
          },
        },
  );
  const server = await listen(app, {
    port: options.port ?? 8787,
    host: options.host ?? '127.0.0.1',
  });
  return {
    url: server.origin,
    port: server.port,
    close: async () => {
      await server.close();
      await Promise.all(writes);
    },
  };
}
