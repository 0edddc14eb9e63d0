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
  on(event: 'error', listener: (error: unknown) => void): unknown;
}

/**
 * Opens a node-redis client for `url` on first use. `redis` is imported only then, so the package's
 * entry stays free of Node-only imports for edge bundles that use only Upstash. Operations wait for
 * the first connection (up to their timeout); once connected, while Redis is down they fail at once
 * (no offline queue) and the client keeps reconnecting in the background.
 */
export function connectNodeRedis(url: string, connectTimeoutMs: number): NodeRedisConnection {
  let client: OwnedClient | undefined;
  let connected: Promise<OwnedClient> | undefined;
  const open = async () => {
    const { createClient } = await import('redis');
    client ??= createClient({
      url,
      disableOfflineQueue: true,
      socket: { connectTimeout: connectTimeoutMs, reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2_000) },
    }) as unknown as OwnedClient;
    // Without a listener node-redis rethrows connection errors as an uncaught 'error' event.
    client.on('error', () => {});
    await client.connect();
    return client;
  };
  return {
    client: () => (connected ??= open()),
    async close() {
      if (!client) return;
      if (client.isReady) await client.close();
      else client.destroy();
    },
  };
}
