import { describe, expect, it } from 'vitest';
import { createDecisionCache, decisionKey } from './decision-cache.js';

describe('createDecisionCache', () => {
  it('evicts the least recently used entries beyond its entry and character limits', () => {
    const cache = createDecisionCache({ maxEntries: 2, maxChars: 10 });
    cache.set('a', { text: 'aaaa', stored: [] });
    cache.set('b', { text: 'bbbb', stored: [] });
    expect(cache.get('a')?.text).toBe('aaaa');
    cache.set('c', { stored: [] });
    expect([cache.get('a'), cache.get('b'), cache.get('c')].map((d) => d !== undefined)).toEqual([
      true,
      false,
      true,
    ]);
    cache.set('d', {
      text: 'dd',
      stored: [{ key: 'k', original: 'original', meta: { kind: 'text' } }],
    });
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(2);
    cache.set('huge', { text: 'x'.repeat(11), stored: [] });
    expect(cache.get('huge')).toBeUndefined();
  });
});

describe('decisionKey', () => {
  it('depends on the text, tool call and file, not on anything else', () => {
    const base = { text: 'body', toolName: 'read_file', toolCallId: 'c1' };
    const key = decisionKey(base, { fileName: 'a.py' });
    expect(decisionKey({ ...base }, { fileName: 'a.py', toolName: 'read_file' })).toBe(key);
    expect(decisionKey({ ...base, text: 'body!' }, { fileName: 'a.py' })).not.toBe(key);
    expect(decisionKey({ ...base, toolCallId: 'c2' }, { fileName: 'a.py' })).not.toBe(key);
    expect(decisionKey(base, { fileName: 'b.py' })).not.toBe(key);
  });
});
