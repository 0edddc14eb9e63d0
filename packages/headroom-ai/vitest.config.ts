import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    testTimeout: 30_000,
    setupFiles: ['./src/test-utils/isolated-home.ts'],
  },
});
