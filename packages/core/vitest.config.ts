import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run the sources: `#platform` would otherwise resolve to dist/ through package.json.
  resolve: {
    alias: { '#platform': fileURLToPath(new URL('./src/node/platform.ts', import.meta.url)) },
  },
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
