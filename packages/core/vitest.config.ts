import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests run the sources: `#platform` would otherwise resolve to dist/ through package.json. The packed
  // rank tables are built files (scripts/pack-ranks.mjs), imported by the package's own name.
  resolve: {
    alias: [
      {
        find: '#platform',
        replacement: fileURLToPath(new URL('./src/node/platform.ts', import.meta.url)),
      },
      {
        find: /^@headroom\/core\/ranks\/(\w+)$/,
        replacement: fileURLToPath(new URL('./ranks/$1.js', import.meta.url)),
      },
    ],
  },
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000 },
});
