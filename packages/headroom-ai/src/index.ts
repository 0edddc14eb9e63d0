export * from '@headroom/core';
