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

describe('search detection: the other shapes agents print', () => {
  /** Real `git grep -n` output over this package's sources. */
  const gitGrep = execFileSync('git', ['grep', '-n', 'export function', '--', 'src/compressors'], {
    cwd: join(buildOutputDir, '../../../..'),
    encoding: 'utf8',
  });

  it('hits after a tool header line (`Found 37 matches`) are search', () => {
    const count = gitGrep.trim().split('\n').length;
    expect(detectContent(`Found ${count} matches\n${gitGrep}`).kind).toBe('search');
    expect(
      detectContent(`Found ${count} matches\n\n${gitGrep.split('\n').slice(0, 4).join('\n')}`).kind,
    ).toBe('search');
  });

  it('paths with spaces or colons are search; a log line naming its source file is not', () => {
    const spaced = gitGrep.replaceAll('src/compressors/', 'My Project/src/compressors/');
    expect(detectContent(spaced).kind).toBe('search');
    const coloned = gitGrep.replaceAll('src/compressors/', 'src/c:compressors/');
    expect(detectContent(coloned).kind).toBe('search');
    const logged = Array.from(
      { length: 20 },
      (_, i) => `2026-11-30 INFO app/db.py:${40 + i}: query took ${i} ms`,
    );
    expect(detectContent(logged.join('\n')).kind).not.toBe('search');
    const prose = Array.from(
      { length: 10 },
      (_, i) => `Ratio 3.${i}x: 2: that is what the run showed.`,
    );
    expect(searchConfidence(takeSample(prose.join('\n')))).toBe(0);
  });

  it('files-with-matches and count listings (`rg -l`, `rg -c`, with a header) are search', () => {
    const files = [
      ...new Set(
        gitGrep
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split(':')[0]!),
      ),
    ];
    expect(files.length).toBeGreaterThan(10);
    expect(detectContent(files.join('\n')).kind).toBe('search');
    expect(detectContent(`Found ${files.length} files\n${files.join('\n')}`).kind).toBe('search');
    expect(detectContent(files.map((f, i) => `${f}:${i + 1}`).join('\n')).kind).toBe('search');
    const windows = files.map((f) => `C:\\Users\\Dev User\\${f.replaceAll('/', '\\')}`);
    expect(detectContent(windows.join('\n')).kind).toBe('search');
  });

  it('lists that are not files are not: package pins, host:port pairs, one-column CSV', () => {
    const pins = Array.from({ length: 12 }, (_, i) => `package-${i}==1.${i}.0`);
    const hosts = Array.from({ length: 12 }, (_, i) => `api${i}.example.com:443`);
    const csv = Array.from({ length: 12 }, (_, i) => `application/x-type-${i},ext${i},true`);
    for (const lines of [pins, hosts, csv])
      expect(searchConfidence(takeSample(lines.join('\n'))), lines[0]).toBe(0);
  });
});
