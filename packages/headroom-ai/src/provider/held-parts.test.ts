import { describe, expect, it } from 'vitest';
import { createHeldParts } from './held-parts.js';

describe('createHeldParts', () => {
  it('holds claimed indexes back and numbers the others contiguously across rounds', () => {
    const parts = createHeldParts<string>();
    parts.claim(0);
    expect(parts.isOurs(0)).toBe(true);
    parts.hold('retrieve call');
    expect(parts.outIndex(1)).toBe(0);
    expect(parts.outIndex(2)).toBe(1);
    expect(parts.outIndex(1)).toBe(0);
    expect(parts.held).toEqual(['retrieve call']);
    parts.nextRound();
    expect(parts.isOurs(0)).toBe(false);
    expect(parts.held).toEqual([]);
    // The next round's blocks restart at 0 but follow the ones the client already has.
    expect(parts.outIndex(0)).toBe(2);
    expect(parts.relayed).toBe(3);
  });
});
