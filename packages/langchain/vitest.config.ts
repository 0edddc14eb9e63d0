import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    setupFiles: ['src/test-utils/warm-tokenizer.ts'],
    testTimeout: 60_000,
  },
});
