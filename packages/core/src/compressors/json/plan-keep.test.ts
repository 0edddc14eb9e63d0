import { describe, expect, it } from 'vitest';
import { maskVariables } from '../log/mask-variables.js';
import { noDataReason } from '../../test-utils/data-dir.node.js';
import { bm25Scores } from '../../relevance/bm25.js';
import { DEFAULT_CRUSH_OPTIONS } from './crush-options.js';
import { isErrorItem } from './error-items.js';
import { itemView } from './item-view.js';
import { fromValue } from './json-node.js';
import { planKeep, viewAnalysis } from './plan-keep.js';
import {
  dataDir,
  installedPackages,
  logRecords,
  type LogRecord,
} from './__fixtures__/records.node.js';

function plan(rows: readonly unknown[], query = '') {
  return planKeep(
    viewAnalysis(rows.map((row) => itemView(fromValue(row)))),
    query,
    DEFAULT_CRUSH_OPTIONS,
  );
}

/** What the planner treats as "the same message": every field but the timestamps, variables masked. */
function templateOf(record: LogRecord): string {
  return Object.entries(record)
    .filter(([key]) => key !== 'time' && key !== 'date')
    .map(([key, value]) => `${key}=${maskVariables(String(value))}`)
    .join('|');
}

function kept(rows: readonly LogRecord[], query = ''): LogRecord[] {
  const result = plan(rows, query);
  expect(result.keep).toBeDefined();
  return result.keep!.map((index) => rows[index]!);
}

describe.skipIf(!dataDir)(
  `planKeep on real logs (${dataDir ? 'loghub samples as JSON records' : noDataReason})`,
  () => {
    it('keeps one item for every distinct error template, and counts the repeats', () => {
      for (const name of ['Apache', 'Linux', 'Hadoop', 'OpenSSH'] as const) {
        const records = logRecords(name);
        const result = plan(records);
        const keptTemplates = new Set(result.keep!.map((i) => templateOf(records[i]!)));
        const errorTemplates = new Map<string, number>();
        for (const record of records) {
          if (!isErrorItem(itemView(fromValue(record)))) continue;
          const template = templateOf(record);
          errorTemplates.set(template, (errorTemplates.get(template) ?? 0) + 1);
        }
        expect(errorTemplates.size, name).toBeGreaterThan(2);
        for (const template of errorTemplates.keys())
          expect(keptTemplates.has(template), `${name}: ${template}`).toBe(true);
        expect(result.keep!.length, name).toBeLessThan(records.length / 10);
        for (const repeat of result.repeats) {
          expect(repeat.count).toBe(errorTemplates.get(templateOf(records[repeat.index]!)));
        }
      }
    });

    it('keeps 300 copies of one error as one representative with a count, and 12 different errors as 12', () => {
      const info = logRecords('Apache').filter((r) => r.level === 'notice');
      const errorLines = logRecords('Apache').filter(
        (r) => r.level === 'error' && /workerEnv in error state/.test(String(r.message)),
      );
      expect(errorLines.length).toBeGreaterThanOrEqual(300);
      const copies = [...info.slice(0, 200), ...errorLines.slice(0, 300)].sort((a, b) =>
        String(a.time).localeCompare(String(b.time)),
      );
      const result = plan(copies);
      const errorsKept = result.keep!.filter((i) => copies[i]!.level === 'error');
      expect(errorsKept).toHaveLength(1);
      expect(result.repeats).toEqual([{ index: errorsKept[0], count: 300 }]);

      const distinct = new Map<string, LogRecord>();
      for (const record of [...logRecords('Linux'), ...logRecords('Hadoop')]) {
        const template = maskVariables(String(record.message));
        if (
          isErrorItem(itemView(fromValue({ message: record.message }))) &&
          !distinct.has(template) &&
          distinct.size < 12
        )
          distinct.set(template, record);
      }
      const twelve = [...distinct.values()].map((r) => ({
        time: r.time,
        level: 'ERROR',
        message: r.message,
      }));
      const spread = logRecords('HDFS', 600).map(({ date, time, level, message }) => ({
        time: `${date} ${time}`,
        level,
        message,
      }));
      for (const [i, record] of twelve.entries()) spread.splice(40 + i * 45, 0, record as never);
      const keptRecords = kept(spread);
      for (const record of twelve) expect(keptRecords).toContainEqual(record);
    });

    it('keeps every numeric anomaly (> 2σ)', () => {
      // HDFS block sizes: almost all blocks are 64 MB; the tail blocks of files are smaller.
      const blocks = logRecords('HDFS').flatMap((r) => {
        const match =
          /addStoredBlock: blockMap updated: (\S+) is added to (blk_-?\d+) size (\d+)/.exec(
            String(r.message),
          );
        return match
          ? [
              {
                time: `${r.date} ${r.time}`,
                node: match[1]!,
                block: match[2]!,
                size: Number(match[3]),
              },
            ]
          : [];
      });
      expect(blocks.length).toBeGreaterThan(100);
      const sizes = blocks.map((b) => b.size);
      const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
      const std = Math.sqrt(sizes.reduce((s, x) => s + (x - mean) ** 2, 0) / (sizes.length - 1));
      const anomalies = blocks.filter((b) => Math.abs(b.size - mean) > 2 * std);
      expect(anomalies.length).toBeGreaterThan(0);
      const keptBlocks = kept(blocks as never);
      for (const block of anomalies) expect(keptBlocks).toContainEqual(block);
      expect(keptBlocks.length).toBeLessThan(blocks.length / 2);
    });

    it('keeps every item holding an anchor from the query, and the best BM25 matches', () => {
      const records = logRecords('OpenSSH');
      const ip = '185.190.58.151';
      const withIp = records.filter((r) => String(r.message).includes(ip));
      expect(withIp.length).toBeGreaterThan(10);
      const keptRecords = kept(records, `What did ${ip} try?`);
      for (const record of withIp) expect(keptRecords).toContainEqual(record);
      expect(kept(records)).not.toEqual(keptRecords);

      const scores = bm25Scores(
        records.map((r) => String(r.message)),
        'oracle',
      );
      const best = records.filter((_, i) => scores[i] === 1);
      expect(best.length).toBeGreaterThan(0);
      const keptForQuery = kept(records, 'which attempts used the account named oracle');
      expect(
        keptForQuery.filter((r) => String(r.message).includes('oracle')).length,
      ).toBeGreaterThanOrEqual(Math.min(best.length, 10));
    });

    it('keeps one item of each kind for an anchor that many items hold', () => {
      const records = logRecords('OpenSSH');
      const ip = '183.62.140.253';
      const withIp = records.filter((r) => String(r.message).includes(ip));
      expect(withIp.length).toBeGreaterThan(500);
      const keptRecords = kept(records, `What did ${ip} try?`);
      const keptTemplates = new Set(keptRecords.map(templateOf));
      for (const record of withIp)
        expect(keptTemplates.has(templateOf(record)), templateOf(record)).toBe(true);
      expect(keptRecords.length).toBeLessThan(withIp.length / 5);
    });

    it('keeps the top items by score in search-like arrays', () => {
      const lines = logRecords('Hadoop').map((r) => String(r.message));
      const scores = bm25Scores(lines, 'container memory killed');
      const results = lines
        .map((text, i) => ({ line: i + 1, text, score: Math.round(scores[i]! * 1000) / 1000 }))
        .filter((r) => r.score > 0);
      expect(results.length).toBeGreaterThan(30);
      const top = [...results].sort((a, b) => b.score - a.score || a.line - b.line).slice(0, 10);
      const keptResults = kept(results as never);
      for (const result of top) expect(keptResults).toContainEqual(result);
    });

    it('drops exact duplicates and keeps the original order', () => {
      const records = logRecords('Apache', 400);
      const doubled = records.flatMap((r) => [r, r]);
      const result = plan(doubled);
      const keptJson = result.keep!.map((i) => JSON.stringify(doubled[i]));
      expect(new Set(keptJson).size).toBe(keptJson.length);
      expect(result.keep).toEqual([...result.keep!].sort((a, b) => a - b));
    });

    it('is deterministic', () => {
      const records = logRecords('Linux');
      expect(plan(records, 'authentication failure for root')).toEqual(
        plan(records, 'authentication failure for root'),
      );
    });
  },
);

describe('planKeep', () => {
  it('keeps the items around a change point (±1)', () => {
    // p50 latency of a service that degrades at request 120; the jitter is a fixed pattern.
    const series = Array.from({ length: 200 }, (_, i) => ({
      request: `req-${i}`,
      route: '/api/orders',
      latency_ms: (i < 120 ? 40 : 95) + ((i * 7) % 5),
    }));
    const result = plan(series);
    for (const index of [119, 120, 121]) expect(result.keep).toContain(index);
  });

  it('does not crush distinct entities with nothing unusual about them', () => {
    const packages = installedPackages();
    expect(packages.length).toBeGreaterThan(50);
    const result = plan(packages);
    expect(result.keep).toBeUndefined();
    expect(result.reason).toBe('unique_entities_no_signal');
  });

  it('keeps small arrays whole', () => {
    expect(plan([{ a: 1 }, { a: 2 }, { a: 3 }, { a: 4 }, { a: 5 }, { a: 6 }]).reason).toBe(
      'at_limit',
    );
  });
});
