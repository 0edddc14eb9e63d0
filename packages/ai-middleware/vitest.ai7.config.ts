import { defineConfig } from 'vitest/config';

// The same tests against AI SDK 7 (installed as the `ai-v7` alias; it needs Node 22): `pnpm test:ai7`.
export default defineConfig({
  resolve: { alias: [{ find: /^ai(\/.+)?$/, replacement: 'ai-v7$1' }] },
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000, env: { HEADROOM_AI_SDK_MAJOR: '7' } },
});
