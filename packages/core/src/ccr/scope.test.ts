import { describe, expect, it } from 'vitest';
import { scopedKey } from './scope.js';

describe('scopedKey', () => {
  it('is the bare key without a scope, and a hash-tagged key with one', () => {
    expect(scopedKey('abc123', undefined)).toBe('abc123');
    const key = scopedKey('abc123', 'user@example.com');
    expect(key).toMatch(/^s[0-9a-f]{32}\.abc123$/);
    expect(key).not.toContain('example');
  });

  it('gives different scopes different keys, and one scope the same key every time', () => {
    expect(scopedKey('k', 'a')).toBe(scopedKey('k', 'a'));
    expect(scopedKey('k', 'a')).not.toBe(scopedKey('k', 'b'));
    // A separator inside the scope can't make two scopes collide.
    expect(scopedKey('k', 'a.b')).not.toBe(scopedKey('b.k', 'a'));
  });
});
