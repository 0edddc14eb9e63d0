export * from '@headroom/core';
export * from '@headroom/ai-middleware';
export { RedisCcrStore, UpstashCcrStore, type RedisCcrStoreOptions, type RedisStoreOptions, type UpstashCcrStoreOptions } from '@headroom/ccr-redis';
export { withHeadroom, type HeadroomWrappableClient, type WithHeadroomOptions } from './client/with-headroom.js';
export { createHeadroomHandler, type HeadroomHandler, type HeadroomHandlerOptions, type ProviderCallEvent, type Upstream } from './provider/headroom-handler.js';
export {
  createSharedContext,
  type SharedContext,
  type SharedContextEntry,
  type SharedContextOptions,
  type SharedContextStats,
} from './shared-context/shared-context.js';
