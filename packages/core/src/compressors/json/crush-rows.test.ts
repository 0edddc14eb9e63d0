import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { noDataReason } from '../../test-utils/data-dir.node.js';
import { crushRows, selectRows } from './crush-rows.js';
import { dataDir, installedPackages, logRecords } from './__fixtures__/records.node.js';

describe.skipIf(!dataDir)(
  `selectRows / crushRows on log rows (${dataDir ? 'loghub samples' : noDataReason})`,
  () => {
    it('selects the rows to show without stashing anything', async () => {
      const rows = logRecords('Apache');
      const selection = selectRows(rows, { query: '' });
      expect(selection.dropped).toBe(true);
      expect(selection.reason).toBe('repetitive');
      expect(selection.keep.length).toBeLessThan(rows.length / 10);
      expect(selection.keep).toEqual([...selection.keep].sort((a, b) => a - b));
      expect(selection.keep).toContain(rows.findIndex((r) => r.level === 'error'));
    });

    it('keeps every row of distinct entities', () => {
      const rows = installedPackages();
      expect(selectRows(rows, { query: '' })).toEqual({
        keep: rows.map((_, i) => i),
        dropped: false,
        reason: 'unique_entities_no_signal',
      });
    });

    it('crushes rows the way the JSON compressor does', async () => {
      const { ctx, stashed } = await createTestContext();
      const small = crushRows(logRecords('HDFS', 20), ctx);
      expect(small.strategy).toBe('smart_crush:table');
      expect(small.text.startsWith('[20]{date:string,')).toBe(true);
      const rows = logRecords('Linux');
      const big = crushRows(rows, ctx);
      expect(big.strategy).toBe('smart_crush:crush');
      expect(JSON.parse([...stashed.values()][0]!.original)).toEqual(rows);
    });
  },
);
