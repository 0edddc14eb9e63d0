import { describe, expect, it } from 'vitest';
import { createBoundedLru } from './bounded-lru.js';

describe('createBoundedLru', () => {
  it('forgets the least recently used entry past maxEntries; get refreshes an entry', () => {
    const lru = createBoundedLru<string, number>({ maxEntries: 2 });
    lru.set('a', 1);
    lru.set('b', 2);
    expect(lru.get('a')).toBe(1);
    lru.set('c', 3);
    expect([lru.has('a'), lru.has('b'), lru.has('c')]).toEqual([true, false, true]);
    expect(lru.size).toBe(2);
  });

  it('bounds the total size, never keeps a value larger than the bound, and re-setting replaces the size', () => {
    const lru = createBoundedLru<string, string>({
      maxEntries: 100,
      maxSize: 10,
      sizeOf: (v) => v.length,
    });
    lru.set('a', '12345');
    lru.set('b', '12345');
    lru.set('a', '1');
    lru.set('c', '1234');
    expect([lru.get('a'), lru.get('b'), lru.get('c')]).toEqual(['1', '12345', '1234']);
    lru.set('d', '12345678901');
    expect(lru.has('d')).toBe(false);
    lru.set('e', '12345');
    expect(lru.has('a')).toBe(false);
    lru.delete('b');
    expect(lru.size).toBe(2);
  });
});
