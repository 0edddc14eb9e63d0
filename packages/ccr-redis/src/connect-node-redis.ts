import type { NodeRedisClient } from './node-redis-commands.js';

/** A node-redis connection opened on first use, and how to close it. */
export interface NodeRedisConnection {
  client: () => Promise<NodeRedisClient>;
  close: () => Promise<void>;
}

interface OwnedClient extends NodeRedisClient {
  readonly isReady: boolean;
  connect(): Promise<unknown>;
  close(): Promise<unknown>;
  destroy(): void;
  on(event: 'error' | 'ready', listener: (error?: unknown) => void): unknown;
  off(event: 'error' | 'ready', listener: (error?: unknown) => void): unknown;
}

/**
 * Opens a node-redis client for `url` on first use. `redis` is imported only then, so the package's
 * entry stays free of Node-only imports for edge bundles that use only Upstash. While the client is
 * not ready an operation waits for the next connection attempt: it gets the client when it connects,
 * or that attempt's error (refused, wrong password) — never a silent wait. Once connected, commands
 * fail at once while Redis is down (no offline queue) and the client reconnects in the background.
 */
export function connectNodeRedis(url: string, connectTimeoutMs: number): NodeRedisConnection {
  let client: Promise<OwnedClient> | undefined;
  const create = async () => {
    const { createClient } = await import('redis');
    const created = createClient({
      url,
      disableOfflineQueue: true,
      socket: {
        connectTimeout: connectTimeoutMs,
        reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000),
      },
    }) as unknown as OwnedClient;
    // Without a listener node-redis rethrows connection errors as an uncaught 'error' event.
    created.on('error', () => {});
    created.connect().catch(() => {});
    return created;
  };
  return {
    async client() {
      const ready = await (client ??= create());
      return ready.isReady ? ready : nextAttempt(ready);
    },
    async close() {
      if (!client) return;
      const opened = await client;
      if (opened.isReady) await opened.close();
      else opened.destroy();
    },
  };
}

function nextAttempt(client: OwnedClient): Promise<OwnedClient> {
  return new Promise((resolve, reject) => {
    const settle = (error?: unknown) => {
      client.off('ready', settle);
      client.off('error', settle);
      if (client.isReady) resolve(client);
      else reject(error);
    };
    client.on('ready', settle);
    client.on('error', settle);
  });
}
