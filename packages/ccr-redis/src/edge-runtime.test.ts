// @vitest-environment edge-runtime
import { compress, createStats, retrieve } from '@headroom/core';
import { describe, expect, inject, it } from 'vitest';
import { UpstashCcrStore } from './upstash-ccr-store.js';
import { logConversation, patient, relaxed } from './test-utils/fixtures.js';

const rest = inject('upstashRest');

describe('UpstashCcrStore in the Edge runtime', () => {
  it('runs in an Edge VM, not plain Node', () => {
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe('string');
  });

  it('ships no node: imports in the package entry', () => {
    const sources = import.meta.glob(['./**/*.ts', '!./**/*.test.ts', '!./test-utils/**'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    expect(Object.keys(sources)).toContain('./upstash-ccr-store.ts');
    const offenders = Object.entries(sources).filter(([, text]) =>
      /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]node:/.test(text as string),
    );
    expect(offenders.map(([file]) => file)).toEqual([]);
  });

  it.skipIf(!rest)(
    'stores what compress() drops and retrieves it over fetch (skipped: no Redis at 127.0.0.1:6379 behind the REST server)',
    async () => {
      const store = new UpstashCcrStore({
        ...relaxed,
        url: rest!.url,
        token: rest!.token,
        namespace: `edge-${Date.now()}`,
        ttlSeconds: 120,
      });
      const result = await compress(logConversation(1), {
        store,
        stats: createStats(),
        ...patient,
      });
      expect(result.ccrKeys).toHaveLength(1);
      expect(
        (await retrieve(store, result.ccrKeys[0]!, { query: 'cannot resolve' })).content,
      ).toContain("cannot resolve import './missing-1.js'");
    },
  );
});
