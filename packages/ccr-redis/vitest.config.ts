import { defineConfig } from 'vitest/config';

export default defineConfig({
  // The loopback Upstash REST server is started once, so tests in the Edge runtime (no node:http) can reach it too.
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    globalSetup: ['src/test-utils/global-setup.node.ts'],
  },
});
