import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataDir, dataPath, noDataReason } from '../../test-utils/data-dir.node.js';
import { detectContent } from '../detect-content.js';
import { readInstalled } from '../../test-utils/package-file.node.js';

interface MimeEntry {
  source?: string;
  charset?: string;
  compressible?: boolean;
  extensions?: string[];
}

const mimeTypes = Object.entries(
  JSON.parse(readInstalled('mime-db', 'db.json')) as Record<string, MimeEntry>,
);
const csvField = (value: string, delimiter: string) =>
  /["\n]/.test(value) || value.includes(delimiter) ? `"${value.replaceAll('"', '""')}"` : value;
const delimitedText = (rows: string[][], delimiter: string) =>
  rows.map((row) => row.map((field) => csvField(field, delimiter)).join(delimiter)).join('\n');
/** mime-db's real registry as rows: the extensions list holds commas, so CSV must quote it. */
const mimeRows = (): string[][] => [
  ['type', 'source', 'charset', 'compressible', 'extensions'],
  ...mimeTypes.map(([type, entry]) => [
    type,
    entry.source ?? '',
    entry.charset ?? '',
    String(entry.compressible ?? ''),
    (entry.extensions ?? []).join(','),
  ]),
];
/** The status-code table of the http-errors README, cut out of the prose around it. */
const markdownTable = () => {
  const lines = readInstalled('http-errors', 'README.md').split('\n');
  const start = lines.findIndex((line) => line.startsWith('|Status Code|'));
  const end = lines.findIndex((line, i) => i > start && !line.startsWith('|'));
  return lines.slice(start, end).join('\n');
};

describe('table detection on real data', () => {
  it('mime-db as CSV (quoted fields holding commas) is a table', () => {
    const csv = delimitedText(mimeRows(), ',');
    expect(csv).toContain('"');
    expect(detectContent(csv)).toMatchObject({ kind: 'table', confidence: 0.9 });
  });

  it('mime-db as TSV and as semicolon-separated values is a table', () => {
    expect(detectContent(delimitedText(mimeRows(), '\t')).kind).toBe('table');
    expect(detectContent(delimitedText(mimeRows(), ';')).kind).toBe('table');
  });

  it('CSV without a header row is a table', () => {
    expect(detectContent(delimitedText(mimeRows().slice(1), ',')).kind).toBe('table');
  });

  it('the markdown table of the http-errors README is a table', () => {
    const table = markdownTable();
    expect(table.split('\n').length).toBeGreaterThan(30);
    expect(detectContent(table)).toMatchObject({ kind: 'table', confidence: 0.95 });
  });

  it.skipIf(!dataDir)(
    `OpenSSH log records as CSV (header row, timestamps first) are a table (${dataDir ? 'corpora found' : noDataReason})`,
    () => {
      const records = readFileSync(dataPath('logs/OpenSSH_2k.log'), 'utf8')
        .split(/\r?\n/)
        .filter(Boolean)
        .map((line) => /^(\w+ +\d+ [\d:]+) (\S+) (\w+)\[(\d+)\]: (.*)$/.exec(line)?.slice(1) ?? []);
      const csv = delimitedText(
        [
          ['time', 'host', 'process', 'pid', 'message'],
          ...records.filter((record) => record.length === 5),
        ],
        ',',
      );
      expect(detectContent(csv).kind).toBe('table');
    },
  );

  it('a file named .csv is a table', () => {
    expect(
      detectContent(delimitedText(mimeRows().slice(0, 20), ','), { fileName: 'mime.csv' }).kind,
    ).toBe('table');
  });
});

describe('table detection guards', () => {
  it('a README with a table in its prose is text', () => {
    expect(detectContent(readInstalled('http-errors', 'README.md')).kind).toBe('text');
  });

  it('prose paragraphs full of commas are not a table', () => {
    expect(detectContent(readInstalled('typescript', 'README.md')).kind).toBe('text');
    expect(detectContent(readInstalled('express', 'Readme.md')).kind).not.toBe('table');
  });

  it.skipIf(!dataDir)('a Hadoop log (a comma in every timestamp) is a log, not a table', () => {
    expect(detectContent(readFileSync(dataPath('logs/Hadoop_2k.log'), 'utf8')).kind).toBe('log');
  });

  it.skipIf(!dataDir)('tab-indented Go and `;`-terminated Java are not tables', () => {
    expect(detectContent(readFileSync(dataPath('code/go/cobra/args.go'), 'utf8')).kind).toBe(
      'code',
    );
    const fields = readFileSync(
      dataPath('code/java/gson/gson/src/main/java/com/google/gson/Gson.java'),
      'utf8',
    )
      .split('\n')
      .filter((line) => /^\s+(?:private|public|static|final)\b.*;$/.test(line))
      .join('\n');
    expect(fields.split('\n').length).toBeGreaterThan(5);
    expect(detectContent(fields).kind).not.toBe('table');
  });
});
