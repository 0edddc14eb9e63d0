import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../hash/sha256.js';
import { alignCache } from './cache-aligner.js';

const system = (minute: number) => [
  `You are Atlas. Current time: 2026-11-25T14:${minute}:00Z.`,
  'Answer briefly.',
];
const tools = [
  {
    type: 'function',
    function: {
      name: 'search',
      description: 'Search the docs (index built 2026-11-01).',
      parameters: {},
    },
  },
];

describe('alignCache', () => {
  it('reports volatile values in system texts and tools, with a warning that names them', () => {
    const result = alignCache({ system: system(10), tools });
    expect(result.findings).toEqual([
      { kind: 'timestamp', value: '2026-11-25T14:10:00Z', source: 'system', index: 0 },
      { kind: 'date', value: '2026-11-01', source: 'tools', index: 0 },
    ]);
    expect(result.warning).toBe(
      'Headroom CacheAligner: volatile values in the request prefix (system:timestamp=1, tools:date=1); the prompt-cache prefix changes ' +
        'whenever they do; move them out of the system prompt and tool definitions (or enable the rewrite mode for system prompts).',
    );
    expect(result.system).toEqual(system(10));
    expect(result.moved).toEqual([]);
    expect(result.dynamicBlock).toBeUndefined();
  });

  it('hashes system texts and tools: the hash changes with the clock in report mode, not in rewrite mode', () => {
    const a = alignCache({ system: system(10), tools });
    const b = alignCache({ system: system(11), tools });
    expect(a.prefixHash).toMatch(/^[0-9a-f]{64}$/);
    expect(a.prefixHash).not.toBe(b.prefixHash);
    const ra = alignCache({ system: system(10), tools }, { rewrite: true });
    const rb = alignCache({ system: system(11), tools }, { rewrite: true });
    expect(ra.prefixHash).toBe(rb.prefixHash);
    expect(ra.prefixHash).toBe(
      sha256Hex(`${ra.system.join('\n---\n')}\n---tools---\n${JSON.stringify(tools[0])}`),
    );
    expect(rb.dynamicBlock).toContain('[[timestamp_1]] = 2026-11-25T14:11:00Z');
    // Tools are reported, never rewritten, so the warning still asks for action.
    expect(rb.warning).toMatch(/move them out/);
    expect(alignCache({ system: system(11) }, { rewrite: true }).warning).toMatch(
      /moved to a block at the end/,
    );
  });

  it('has nothing to say about a stable prompt', () => {
    const result = alignCache({ system: ['You are a helpful assistant. Use tools when useful.'] });
    expect(result.findings).toEqual([]);
    expect(result.warning).toBeUndefined();
  });

  it('does not throw on tool definitions JSON cannot serialize', () => {
    const cyclic: Record<string, unknown> = { name: 'x' };
    cyclic.self = cyclic;
    expect(() => alignCache({ system: [], tools: [cyclic, { big: 10n }] })).not.toThrow();
  });
});
