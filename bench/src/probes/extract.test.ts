import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findDataDir, noDataReason } from '../data-dir.js';
import { recordedIssues } from '../sources/github-fixtures.js';
import { readLogRecords } from '../sources/log-records.js';
import { extractProbes, spread } from './extract.js';

const dataDir = findDataDir();

describe('extractProbes on real GitHub issues (@octokit/fixtures)', () => {
  const issues = recordedIssues();
  const output = JSON.stringify(issues, null, 2);
  const { probes, found } = extractProbes(output, 3);

  it('finds every issue URL as an artifact and tags probes with their step', () => {
    const artifacts = new Set(probes.filter((p) => p.kind === 'artifact').map((p) => p.needle));
    for (const issue of issues) expect(artifacts).toContain(String(issue.html_url));
    expect(probes.every((p) => p.step === 3)).toBe(true);
    expect(found.artifact).toBeGreaterThanOrEqual(issues.length);
  });

  it('keeps only numbers that occur once in the output, with their keys', () => {
    const numbers = probes.filter((p) => p.kind === 'number');
    expect(numbers.length).toBeGreaterThan(0);
    for (const probe of numbers) {
      expect(probe.key).toBeTruthy();
      const occurrences = output.match(
        new RegExp(`(?<![\\w.-])${probe.needle.replace('.', '\\.')}(?![\\w.])`, 'g'),
      );
      expect(occurrences).toHaveLength(1);
    }
  });
});

describe.skipIf(!dataDir)(
  `extractProbes on real logs and code (${dataDir ? 'shared/data' : noDataReason})`,
  () => {
    it('takes the message of every WARN/ERROR/FATAL record as an error probe', () => {
      const records = readLogRecords(dataDir!, 'Hadoop').slice(1000, 1100);
      const errors = new Set(
        extractProbes(JSON.stringify(records), 0)
          .probes.filter((p) => p.kind === 'error')
          .map((p) => p.needle),
      );
      const bad = records.filter((r) => r.level !== 'INFO' && r.message.length >= 8);
      expect(bad.length).toBeGreaterThan(0);
      for (const record of bad) expect(errors).toContain(record.message);
    });

    it('takes error-worded lines of plain text (a real Java file)', () => {
      const file = join(
        dataDir!,
        'code/java/gson/gson/src/main/java/com/google/gson/JsonParser.java',
      );
      const errors = extractProbes(readFileSync(file, 'utf8'), 0).probes.filter(
        (p) => p.kind === 'error',
      );
      expect(errors.map((p) => p.needle)).toContain(
        'throw new JsonSyntaxException("Did not consume the entire document.");',
      );
    });
  },
);

describe('spread', () => {
  it('keeps everything under the limit and an even, ordered sample over it', () => {
    const items = Array.from({ length: 10 }, (_, i) => i);
    expect(spread(items, 20)).toEqual(items);
    expect(spread(items, 5)).toEqual([0, 2, 4, 6, 8]);
  });
});
