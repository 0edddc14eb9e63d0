import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['{app,lib}/**/*.test.ts'], testTimeout: 30_000 },
});
