export * from '@headroom/core';
export * from '@headroom/ai-middleware';
export { RedisCcrStore, UpstashCcrStore, type RedisCcrStoreOptions, type RedisStoreOptions, type UpstashCcrStoreOptions } from '@headroom/ccr-redis';
