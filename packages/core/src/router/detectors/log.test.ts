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
