export * from '@headroom/core';
export * from '@headroom/ai-middleware';
