import { describe, expect, it } from 'vitest';
import { findDataDir, noDataReason } from '../data-dir.js';
import { logMetrics } from './log-metrics.js';
import { readLogRecords, windowAround } from './log-records.js';

const dataDir = findDataDir();

describe.skipIf(!dataDir)(`loghub parsing (${dataDir ? 'shared/data' : noDataReason})`, () => {
  it.each(['Hadoop', 'Zookeeper'] as const)(
    'parses every line of %s_2k.log into a record',
    (format) => {
      const records = readLogRecords(dataDir!, format);
      expect(records).toHaveLength(2000);
      expect(
        records.every(
          (r) => /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}$/.test(r.timestamp) && r.logger !== '',
        ),
      ).toBe(true);
      expect(new Set(records.map((r) => r.level))).toContain('ERROR');
    },
  );

  it('takes a window that starts just before its anchor', () => {
    const records = readLogRecords(dataDir!, 'Hadoop');
    const window = windowAround(records, (r) => r.level === 'FATAL', 5, 50);
    expect(window).toHaveLength(50);
    expect(window[5]?.level).toBe('FATAL');
  });

  it('aggregates metrics that add up to the log', () => {
    const records = readLogRecords(dataDir!, 'Hadoop');
    const rows = logMetrics(records, 10);
    expect(rows.reduce((sum, r) => sum + r.events, 0)).toBe(records.length);
    expect(rows.reduce((sum, r) => sum + r.error, 0)).toBe(
      records.filter((r) => r.level === 'ERROR' || r.level === 'FATAL').length,
    );
  });
});
