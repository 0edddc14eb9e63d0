import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { include: ['src/**/*.test.ts'], testTimeout: 30_000, env: { HEADROOM_AI_SDK_MAJOR: '6' } },
});
