import { describe, expect, it } from 'vitest';
import { noDataReason } from '../../test-utils/data-dir.node.js';
import { adaptiveK, textItems } from './adaptive-k.js';
import { dataDir, logRecords } from './__fixtures__/records.node.js';
import { hammingDistance, simhash } from './simhash.js';

const limits = { keepAllUpTo: 8, minK: 3, maxK: 15 };

describe('simhash', () => {
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
