import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir, dataPath, noDataReason } from '../../test-utils/data-dir.node.js';
import { detectContent } from '../detect-content.js';
import { buildOutputDir } from '../__fixtures__/real-samples.node.js';
import { readInstalled } from '../../test-utils/package-file.node.js';

const logNames = dataDir
  ? readdirSync(dataPath('logs'))
      .filter((name) => name.endsWith('.log'))
      .sort()
  : [];
const buildOutputs = readdirSync(buildOutputDir)
  .filter((name) => name.endsWith('.txt'))
  .sort();

describe.skipIf(!dataDir)(
  `log detection on the loghub samples (${dataDir ? 'corpora found' : noDataReason})`,
  () => {
    it('there are samples to test', () => {
      expect(logNames.length).toBeGreaterThanOrEqual(8);
    });

    it.each(logNames)('%s is a log', (name) => {
      const text = readFileSync(dataPath('logs', name), 'utf8');
      expect(detectContent(text)).toMatchObject({ kind: 'log' });
      expect(detectContent(text).confidence).toBeGreaterThanOrEqual(0.9);
    });

    it.each(logNames)('%s: its first 40 lines alone are a log too', (name) => {
      const head = readFileSync(dataPath('logs', name), 'utf8').split('\n').slice(0, 40).join('\n');
      expect(detectContent(head).kind).toBe('log');
    });
  },
);

describe('log detection on real build and test-runner output', () => {
  it.each(buildOutputs)('%s is a log', (name) => {
    expect(detectContent(readFileSync(join(buildOutputDir, name), 'utf8')).kind).toBe('log');
  });
});

describe('log detection of installer progress', () => {
  it("dpkg's terminal output (apt term.log: Unpacking / Setting up … lines, no timestamps or levels) is a log", () => {
    const packages = [
      'perl-modules-5.36',
      'libgdbm6:amd64',
      'libperl5.36:amd64',
      'perl',
      'liberror-perl',
    ];
    const lines = ['Log started: 2025-06-24  14:36:29'];
    for (const [i, name] of packages.entries()) {
      lines.push(
        `Selecting previously unselected package ${name}.`,
        '(Reading database ... 6089 files and directories currently installed.)',
        `Preparing to unpack .../${i}-${name.replace(':amd64', '')}_1.${i}-1_amd64.deb ...`,
        `Unpacking ${name} (1.${i}-1) ...`,
      );
    }
    for (const [i, name] of packages.entries()) lines.push(`Setting up ${name} (1.${i}-1) ...`);
    lines.push('Processing triggers for man-db (2.11.2-2) ...', 'Log ended: 2025-06-24  14:36:40');
    expect(detectContent(lines.join('\n')).kind).toBe('log');
  });

  it('prose with an ellipsis or two is still prose', () => {
    const prose =
      'We tried the migration on staging first and waited ...\nNothing happened for a while, so we restarted the workers and checked the queue again.\nThe backlog drained within minutes once the lock was released by the old job.\nNext time we will take the lock before the deploy starts and release it after.';
    expect(detectContent(prose).kind).toBe('text');
  });
});

describe('log detection guards', () => {
  it('a README about errors (prose, tables of status codes) is not a log', () => {
    expect(detectContent(readInstalled('http-errors', 'README.md')).kind).not.toBe('log');
    expect(detectContent(readInstalled('serialize-error', 'readme.md')).kind).not.toBe('log');
  });

  it('a changelog with dates in its headings is not a log', () => {
    expect(detectContent(readInstalled('etag', 'HISTORY.md')).kind).not.toBe('log');
  });

  it('a TypeScript type that mentions `error:` is not a log', () => {
    expect(detectContent(readInstalled('ai', 'src/util/error-handler.ts')).kind).not.toBe('log');
  });

  it('a file named .log is a log even when its lines carry no level', () => {
    expect(detectContent('started\nlistening\nstopped\n', { fileName: 'server.log' }).kind).toBe(
      'log',
    );
  });
});
