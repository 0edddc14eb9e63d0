import { FNV_OFFSET, fnvStep } from '../../util/fnv.js';

/**
 * A 64-bit fingerprint as two 32-bit halves (plain numbers are faster than BigInt here), signed:
 * only their bits are compared, and a half above 2^31 as an unsigned number would be a heap number,
 * which deoptimized the optimized simhash on each first call that met one.
 */
export type Fingerprint = readonly [number, number];

/** FNV-1a over a slice, seeded so the two halves of a fingerprint are independent. */
function fnv1a(text: string, start: number, end: number, seed: number): number {
  let hash = seed;
  for (let i = start; i < end; i++) {
    hash = fnvStep(hash, text.charCodeAt(i));
  }
  // Final avalanche so neighbouring grams don't share high bits.
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  return hash >>> 0;
}

/** Grams a byte-wide vote counter can take before it could overflow. */
const LANE_MAX = 255;

/** SimHash of character 4-grams: near-duplicate texts get fingerprints a few bits apart. */
export function simhash(text: string): Fingerprint {
  // Counting set bits is the same vote as ±1 per bit (a bit wins when set in over half the grams).
  // Bits are counted four at a time: lanes[b] holds, in its four bytes, the counts of bits b, b + 8,
  // b + 16 and b + 24 of one half; the bytes are added into `ones` before they can overflow.
  const ones = new Int32Array(64);
  const lanes = new Int32Array(16);
  const flush = (): void => {
    for (let b = 0; b < 16; b++) {
      const half = b < 8 ? 0 : 32;
      const lane = lanes[b]!;
      for (let byte = 0; byte < 4; byte++)
        ones[half + (b & 7) + byte * 8]! += (lane >>> (byte * 8)) & 0xff;
    }
    lanes.fill(0);
  };
  const grams = Math.max(1, text.length - 3);
  let pending = 0;
  for (let i = 0; i < grams; i++) {
    const end = Math.min(text.length, i + 4);
    const hi = fnv1a(text, i, end, FNV_OFFSET);
    const lo = fnv1a(text, i, end, 0x050c5d1f);
    for (let b = 0; b < 8; b++) {
      lanes[b]! += (hi >>> b) & 0x01010101;
      lanes[b + 8]! += (lo >>> b) & 0x01010101;
    }
    if (++pending === LANE_MAX) {
      flush();
      pending = 0;
    }
  }
  flush();
  let hi = 0;
  let lo = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (2 * ones[bit]! > grams) hi |= 1 << bit;
    if (2 * ones[bit + 32]! > grams) lo |= 1 << bit;
  }
  return [hi, lo];
}

function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

/** Number of differing bits between two fingerprints. */
export function hammingDistance(a: Fingerprint, b: Fingerprint): number {
  return popcount((a[0] ^ b[0]) >>> 0) + popcount((a[1] ^ b[1]) >>> 0);
}
