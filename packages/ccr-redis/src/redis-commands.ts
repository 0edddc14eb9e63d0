/**
 * The few Redis commands the stores need, over either client (Upstash REST or node-redis TCP).
 * Values are strings; every call takes a signal that fires on timeout or the caller's abort.
 */
export interface RedisCommands {
  /** One round trip: `SET key value EX ttl` for every entry. */
  setMany(
    entries: ReadonlyArray<readonly [key: string, value: string]>,
    ttlSeconds: number,
    signal: AbortSignal,
  ): Promise<void>;
  /** One round trip: `MGET`; `null` for a missing key. */
  getMany(keys: readonly string[], signal: AbortSignal): Promise<Array<string | null>>;
  exists(key: string, signal: AbortSignal): Promise<boolean>;
  del(keys: readonly string[], signal: AbortSignal): Promise<void>;
}
