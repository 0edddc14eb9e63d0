import { defineConfig } from 'vitest/config';

// Runs against the production build (turbo runs `next build` first, see turbo.json): one `next start` for all tests.
export default defineConfig({
  test: { include: ['test/**/*.test.ts'], testTimeout: 60_000, hookTimeout: 120_000 },
});
