import type { RedisCommands } from './redis-commands.js';

/**
 * The one method of a node-redis client (`redis` v5/v6) the stores use. Commands issued in the same
 * tick are written to the socket together, so several SETs cost one round trip.
 */
export interface NodeRedisClient {
  sendCommand<T = unknown>(
    args: ReadonlyArray<string>,
    options?: { abortSignal?: AbortSignal },
  ): Promise<T>;
}

/** Redis commands over node-redis; a client may be given as a promise (connected lazily). */
export function nodeRedisCommands(
  client: NodeRedisClient | (() => Promise<NodeRedisClient>),
): RedisCommands {
  const ready = typeof client === 'function' ? client : () => Promise.resolve(client);
  const send = async <T>(args: string[], signal: AbortSignal) =>
    (await ready()).sendCommand<T>(args, { abortSignal: signal });
  return {
    async setMany(entries, ttlSeconds, signal) {
      await Promise.all(
        entries.map(([key, value]) => send(['SET', key, value, 'EX', String(ttlSeconds)], signal)),
      );
    },
    async getMany(keys, signal) {
      if (keys.length === 0) return [];
      return send<Array<string | null>>(['MGET', ...keys], signal);
    },
    async exists(key, signal) {
      return (await send<number>(['EXISTS', key], signal)) > 0;
    },
    async del(keys, signal) {
      if (keys.length > 0) await send(['DEL', ...keys], signal);
    },
  };
}
