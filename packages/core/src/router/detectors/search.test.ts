import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir, dataPath, noDataReason } from '../../test-utils/data-dir.node.js';
import { detectContent } from '../detect-content.js';
import { takeSample } from '../sample.js';
import { searchConfidence } from './search.js';
import { buildOutputDir } from '../__fixtures__/real-samples.node.js';
import { readInstalled } from '../../test-utils/package-file.node.js';

const grep = (...args: string[]) =>
  execFileSync('grep', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe.skipIf(!dataDir)(
  `search detection on real grep output (${dataDir ? 'corpora found' : noDataReason})`,
  () => {
    it('`grep -rn` over five real projects is search', () => {
      const output = grep('-rn', 'Error', dataPath('code'));
      expect(output.split('\n').length).toBeGreaterThan(500);
      expect(detectContent(output)).toMatchObject({ kind: 'search' });
    });

    it('`grep -rn -C2` (context lines `path-12-` and `--` separators) is search', () => {
      const output = grep('-rn', '-C2', 'panic', dataPath('code/go'));
      expect(output).toMatch(/\.go-\d+-/);
      expect(detectContent(output).kind).toBe('search');
    });

    it('`grep -n` on one file (bare `12:text` lines) is search', () => {
      const output = grep('-n', 'def ', dataPath('code/python/requests/src/requests/sessions.py'));
      expect(detectContent(output).kind).toBe('search');
    });

    it('a handful of matches is search', () => {
      const output = grep('-rn', 'TODO', dataPath('code/python'));
      expect(output.trim().split('\n').length).toBeLessThan(20);
      expect(detectContent(output).kind).toBe('search');
    });

    it('the same output with Windows paths (drive letters, backslashes, spaces) is search', () => {
      const output = grep('-rn', 'func ', dataPath('code/go'));
      const windows = output
        .replaceAll(`${dataPath('code')}/`, 'C:\\Users\\Dev User\\My Projects\\')
        .replace(/^C:[^:]+/gm, (path) => path.replaceAll('/', '\\'));
      expect(windows).toMatch(/^C:\\Users\\Dev User\\My Projects\\go\\cobra\\[\w.]+:\d+:/m);
      expect(detectContent(windows).kind).toBe('search');
    });

    it('grep output scoped to one file still routes as search when the tool call names a code file', () => {
      const file = dataPath('code/java/gson/gson/src/main/java/com/google/gson/Gson.java');
      expect(detectContent(grep('-Hn', 'public', file), { fileName: file }).kind).toBe('search');
    });
  },
);

describe('search detection guards', () => {
  it('prose with a few colons and times is not search', () => {
    const prose = [
      'Meeting notes: we met at 10:30 and agreed on three things.',
      'Note: the build takes about 12:45 minutes on CI: too long.',
      'Ratio 3:2: that is what the benchmark showed.',
      readInstalled('typescript', 'README.md'),
    ].join('\n');
    expect(detectContent(prose).kind).not.toBe('search');
  });

  it('compiler diagnostics in `path:line:col: error:` form are build output, not search', () => {
    const gcc = readFileSync(join(buildOutputDir, 'make-gxx.txt'), 'utf8');
    expect(detectContent(gcc).kind).toBe('log');
    const tsc = readFileSync(join(buildOutputDir, 'tsc-pretty.txt'), 'utf8');
    expect(detectContent(tsc).kind).toBe('log');
  });

  it.skipIf(!dataDir)('logs whose lines start with dates and times are not search', () => {
    for (const name of ['Android_2k.log', 'HDFS_2k.log', 'Zookeeper_2k.log', 'Spark_2k.log']) {
      expect(detectContent(readFileSync(dataPath('logs', name), 'utf8')).kind, name).toBe('log');
    }
  });
});

describe('search detection: timestamps are not path:line prefixes', () => {
  it('a file name followed by a timestamp, a compact timestamp before a pipe and pid-prefixed lines are not grep hits', () => {
    const sample = (lines: string[]) => takeSample(lines.join('\n'));
    const concatenated = Array.from(
      { length: 10 },
      (_, i) => `nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:0${i}.008 25746 INFO served`,
    );
    const piped = Array.from(
      { length: 10 },
      (_, i) => `20171223-22:15:29:60${i}|Step_LSC|30002312|onStandStepChanged 3579`,
    );
    const redis = Array.from(
      { length: 10 },
      (_, i) => `16032:M 30 Nov 2026 10:03:1${i}.047 - Accepted 127.0.0.1:33618`,
    );
    const mosquitto = Array.from(
      { length: 10 },
      (_, i) => `179603255${i}: New connection from 127.0.0.1:32790 on port 1883.`,
    );
    for (const lines of [concatenated, piped, redis, mosquitto])
      expect(searchConfidence(sample(lines)), lines[0]).toBe(0);
  });

  it('grep -n on one file still counts: its line numbers rise', () => {
    const lines = Array.from(
      { length: 10 },
      (_, i) => `${i * 7 + 3}:  const value = compute(${i});`,
    );
    expect(searchConfidence(takeSample(lines.join('\n')))).toBeGreaterThanOrEqual(0.6);
  });
});
