import type { CcrEntry, OpenAIMessage } from '@headroom/core';
import { toolConversation } from '@headroom/core/testing';

/** A test namespace no other run (or helper sharing this Redis) uses. */
export function uniqueNamespace(label: string): string {
  return `test-${label}-${process.pid}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

/** A stored entry around `original`. */
export const entry = (original: string, kind: CcrEntry['meta']['kind'] = 'text'): CcrEntry => ({
  original,
  meta: { kind },
  createdAt: 1_700_000_000_000,
});

/** Text a UTF-8 round trip could damage: accents, CJK, emoji, a lone high and a lone low surrogate, NUL. */
export const trickyText = 'café — 東京 🚀 end\ud800 mid\udc00 tail \u0000 ok';

/** About `megabytes` MB of mixed ASCII and multi-byte text with lone surrogates sprinkled in. */
export function largeOriginal(megabytes: number): string {
  const line = (i: number) =>
    `${i} INFO worker-${i % 7} handled request /api/items/${i} ✓ Grüße ${i % 97 === 0 ? '\ud83d' : ''}\n`;
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < megabytes * 1024 * 1024; i++) {
    const text = line(i);
    parts.push(text);
    length += text.length;
  }
  return parts.join('');
}

/** A build log the log compressor shrinks a lot: repeated progress lines, one distinct error, a summary. */
export function buildLog(seed: number): string {
  const lines = [`$ npm run build --workspace=svc-${seed}`];
  for (let i = 0; i < 400; i++)
    lines.push(
      `2024-05-0${1 + (seed % 8)}T10:${String(i % 60).padStart(2, '0')}:00Z INFO compiled module ${seed}-${i} in ${10 + (i % 13)}ms`,
    );
  lines.splice(
    220,
    0,
    `2024-05-01T10:40:00Z ERROR svc-${seed}: cannot resolve import './missing-${seed}.js' from src/index.ts`,
  );
  lines.push(`Build finished with 1 error (svc-${seed})`);
  return lines.join('\n');
}

/** An agent conversation whose tool results are build logs: turn `t` has `t` of them. */
export function logConversation(turns: number, label = 'svc'): OpenAIMessage[] {
  return toolConversation({
    question: `Why does the ${label} build fail?`,
    turns,
    step: (i) => ({
      id: `call_${label}_${i}`,
      name: 'run_build',
      args: { workspace: `${label}-${i}` },
      result: buildLog(i),
    }),
  });
}

/**
 * Compression options for tests about what is stored, not about deadlines: a loaded machine can
 * take longer than the default 500 ms per write, which would (correctly) send the originals whole.
 */
export const patient = { storeTimeoutMs: 10_000 } as const;

/**
 * A store deadline for tests that are not about deadlines: a store's first operation imports node-redis
 * and connects, which took over the default 2 s on a loaded CI machine. Spread first, so a test's own
 * `timeoutMs` still wins.
 */
export const relaxed = { timeoutMs: 30_000 } as const;
