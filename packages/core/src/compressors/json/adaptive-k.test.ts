import { describe, expect, it } from 'vitest';
import { noDataReason } from '../../test-utils/data-dir.node.js';
import { adaptiveK, textItems } from './adaptive-k.js';
import { dataDir, logRecords } from './__fixtures__/records.node.js';
import { hammingDistance, simhash } from './simhash.js';

const limits = { keepAllUpTo: 8, minK: 3, maxK: 15 };

/** SimHash as written in the reference: one ±1 vote per bit per gram. */
function referenceSimhash(text: string): [number, number] {
  const fnv = (start: number, end: number, seed: number): number => {
    let hash = seed;
    for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
    hash ^= hash >>> 16;
    hash = Math.imul(hash, 0x85ebca6b);
    hash ^= hash >>> 13;
    return hash >>> 0;
  };
  const votes = new Array<number>(64).fill(0);
  const grams = Math.max(1, text.length - 3);
  for (let i = 0; i < grams; i++) {
    const end = Math.min(text.length, i + 4);
    const halves = [fnv(i, end, 0x811c9dc5), fnv(i, end, 0x050c5d1f)];
    for (let bit = 0; bit < 64; bit++)
      votes[bit]! += (halves[bit >> 5]! >>> (bit & 31)) & 1 ? 1 : -1;
  }
  const half = (from: number) => {
    let bits = 0;
    for (let bit = 0; bit < 32; bit++) if (votes[from + bit]! > 0) bits |= 1 << bit;
    return bits;
  };
  return [half(0), half(32)];
}

describe('simhash', () => {
  it('gives the per-bit vote of the reference on short, long and repetitive texts', () => {
    let seed = 99;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 8;
    };
    const texts = ['', 'a', 'abc', 'abcd', 'a'.repeat(600), 'ab'.repeat(300)];
    // Lengths around the counters' flush points (every 255 grams).
    for (const length of [258, 259, 260, 513, 514, 1024, 3000])
      texts.push(Array.from({ length }, () => String.fromCharCode(32 + (next() % 90))).join(''));
    for (const text of texts)
      expect(simhash(text), text.slice(0, 20)).toEqual(referenceSimhash(text));
  });

  it('puts near-duplicates closer than different texts, and identical texts at 0', () => {
    const a = simhash(
      '{"level":"INFO","message":"PacketResponder 1 for block blk_38865049064139660 terminating"}',
    );
    const b = simhash(
      '{"level":"INFO","message":"PacketResponder 2 for block blk_38865049064139661 terminating"}',
    );
    const c = simhash(
      '{"level":"WARN","message":"Slow BlockReceiver write data to disk cost 412ms"}',
    );
    expect(hammingDistance(a, b)).toBeLessThan(hammingDistance(a, c) / 2);
    expect(hammingDistance(a, c)).toBeGreaterThan(16);
    expect(
      hammingDistance(
        a,
        simhash(
          '{"level":"INFO","message":"PacketResponder 1 for block blk_38865049064139660 terminating"}',
        ),
      ),
    ).toBe(0);
  });
});

describe('adaptiveK', () => {
  it('keeps small arrays whole', () => {
    expect(adaptiveK(textItems(['a', 'b', 'c', 'd', 'e', 'f']), limits)).toBe(6);
  });

  it('shows few items when they are near-duplicates', () => {
    const heartbeat = Array.from({ length: 200 }, (_, i) =>
      JSON.stringify({ seq: i % 3, status: 'ok', service: 'billing-api' }),
    );
    expect(adaptiveK(textItems(heartbeat), limits)).toBe(3);
  });

  it.skipIf(!dataDir)(
    `stays within bounds on real, diverse logs (${dataDir ? 'loghub' : noDataReason})`,
    () => {
      for (const name of ['HDFS', 'OpenSSH', 'Hadoop'] as const) {
        const k = adaptiveK(textItems(logRecords(name, 500).map((r) => JSON.stringify(r))), limits);
        expect(k, name).toBeGreaterThanOrEqual(3);
        expect(k, name).toBeLessThanOrEqual(15);
      }
      const diverse = logRecords('Hadoop', 500).map((r) => JSON.stringify(r));
      expect(adaptiveK(textItems(diverse), limits)).toBe(15);
    },
  );
});
