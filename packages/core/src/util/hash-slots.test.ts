import { describe, expect, it } from 'vitest';
import { hashSlots } from './hash-slots.js';

describe('hashSlots', () => {
  it('gives the least power of two holding the entries at the load, not below the floor', () => {
    expect(hashSlots(0, 0.5, 64)).toBe(64);
    expect(hashSlots(32, 0.5, 64)).toBe(64);
    expect(hashSlots(33, 0.5, 64)).toBe(128);
    expect(hashSlots(3376, 0.5, 64)).toBe(8192);
    expect(hashSlots(717, 0.7, 1024)).toBe(2048);
    expect(hashSlots(716, 0.7, 1024)).toBe(1024);
  });
});
