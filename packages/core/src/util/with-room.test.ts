import { describe, expect, it } from 'vitest';
import { withRoom } from './with-room.js';

describe('withRoom', () => {
  it('keeps an array that has room, and copies one that has not into at least twice the length', () => {
    const small = Int32Array.of(1, 2, 3);
    expect(withRoom(small, 3)).toBe(small);
    const doubled = withRoom(small, 4);
    expect(doubled).toBeInstanceOf(Int32Array);
    expect([...doubled]).toEqual([1, 2, 3, 0, 0, 0]);
    expect(withRoom(Uint8Array.of(7), 10)).toEqual(Uint8Array.of(7, 0, 0, 0, 0, 0, 0, 0, 0, 0));
    expect(withRoom(Float64Array.of(0.5), 2)).toEqual(Float64Array.of(0.5, 0));
  });
});
