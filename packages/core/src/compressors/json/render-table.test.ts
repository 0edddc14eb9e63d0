import { describe, expect, it } from 'vitest';
import {
  dataDir,
  githubExchanges,
  githubResponse,
  hasGithubFixtures,
  logRecords,
  noGithubReason,
} from './__fixtures__/records.node.js';
import { noDataReason } from '../../test-utils/data-dir.node.js';
import { fromValue, type ObjectNode } from './json-node.js';
import { parseJson } from './parse-json.js';
import { renderTable } from './render-table.js';

/** Splits CSV text into records of cells; quoted cells may hold commas, quotes and newlines. */
function readCsv(text: string): Array<Array<{ text: string; quoted: boolean }>> {
  const rows: Array<Array<{ text: string; quoted: boolean }>> = [];
  let row: Array<{ text: string; quoted: boolean }> = [];
  let i = 0;
  for (;;) {
    let value = '';
    let quoted = false;
    if (text[i] === '"') {
      quoted = true;
      for (i++; ; i++) {
        if (text[i] === '"' && text[i + 1] === '"') {
          value += '"';
          i++;
        } else if (text[i] === '"') break;
        else value += text[i];
      }
      i++;
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\n') value += text[i++];
    }
    row.push({ text: value, quoted });
    if (text[i] === ',') i++;
    else {
      rows.push(row);
      row = [];
      if (i >= text.length) return rows;
      i++;
    }
  }
}

/** Decodes one `[N]{…}` table back to objects: the test's proof that the rendering is lossless. */
function decodeTable(text: string): Array<Record<string, unknown>> {
  const newline = text.indexOf('\n');
  const header = /^\[(\d+)\]\{(.*)\}$/.exec(text.slice(0, newline))!;
  const columns = readCsv(header[2]!)[0]!.map(({ text: spec }) => {
    const at = spec.lastIndexOf(':');
    const name = spec.slice(0, at);
    const path = name.startsWith('"') ? [JSON.parse(name) as string] : name.split('.');
    return { path, type: spec.slice(at + 1).replace('?', '') };
  });
  const rows = readCsv(text.slice(newline + 1));
  expect(rows).toHaveLength(Number(header[1]));
  return rows.map((cells) => {
    const row: Record<string, unknown> = {};
    columns.forEach((column, c) => {
      const cell = cells[c]!;
      if (cell.text === '' && !cell.quoted) return;
      let value: unknown;
      if (!cell.quoted && cell.text === 'null') value = null;
      else if (column.type === 'string') value = cell.text;
      else value = JSON.parse(cell.text);
      let target = row;
      for (const key of column.path.slice(0, -1))
        target = (target[key] ??= {}) as Record<string, unknown>;
      target[column.path.at(-1)!] = value;
    });
    return row;
  });
}

/** Decodes a table or a bucketed set of tables. */
function decode(text: string): Array<Record<string, unknown>> {
  if (!text.startsWith('__buckets:')) return decodeTable(text);
  const [first, ...rest] = text.split(/\n__key:/);
  const field = first!.slice('__buckets:'.length);
  const rows: Array<{ at: number; row: Record<string, unknown> }> = [];
  for (const part of rest) {
    const newline = part.indexOf('\n');
    const key = part.slice(0, newline);
    for (const row of decodeTable(part.slice(newline + 1))) {
      const { _i, ...fields } = row;
      rows.push({
        at: typeof _i === 'number' ? _i : rows.length,
        row: { [field]: key.startsWith('"') ? JSON.parse(key) : key, ...fields },
      });
    }
  }
  return rows.sort((a, b) => a.at - b.at).map(({ row }) => row);
}

function table(rows: unknown[]): string {
  const text = renderTable(
    (fromValue(rows) as Extract<ReturnType<typeof fromValue>, { t: 'array' }>)
      .items as ObjectNode[],
  );
  expect(text).toBeDefined();
  return text!;
}

describe.skipIf(!dataDir)(
  `renderTable on real logs (${dataDir ? 'loghub samples' : noDataReason})`,
  () => {
    it('renders log records with a typed header and decodes back to the same records', () => {
      for (const name of ['HDFS', 'Apache', 'OpenSSH', 'Linux'] as const) {
        const records = logRecords(name, 300);
        const text = table(records);
        expect(decode(text)).toEqual(records);
      }
      expect(table(logRecords('HDFS', 3)).split('\n')[0]).toBe(
        '[3]{date:string,time:string,pid:int,level:string,component:string,message:string}',
      );
    });

    it('flattens small nested objects of one shape into dotted columns', () => {
      const records = logRecords('OpenSSH', 50).map(({ time, host, process, pid, message }) => ({
        time,
        source: { host, process, pid },
        message,
      }));
      const text = table(records);
      expect(text.split('\n')[0]).toBe(
        '[50]{time:string,source.host:string,source.process:string,source.pid:int,message:string}',
      );
      expect(decode(text)).toEqual(records);
    });
  },
);

describe.skipIf(!hasGithubFixtures)(
  `renderTable on GitHub API responses (${hasGithubFixtures ? 'octokit fixtures' : noGithubReason})`,
  () => {
    it('keeps nested objects, arrays, nulls and missing fields exactly', () => {
      const issues = [1, 2, 3, 4].flatMap(
        (page) =>
          githubResponse(
            'paginate-issues',
            new RegExp(page === 1 ? 'per_page=3$' : `page=${page}$`),
          ) as unknown[],
      );
      expect(issues.length).toBeGreaterThan(8);
      const text = table(issues);
      expect(text).toMatch(/^\[\d+\]\{url:string,/);
      expect(decode(text)).toEqual(issues);
      const labels = githubResponse('labels', /labels$/) as unknown[];
      expect(decode(table(labels))).toEqual(labels);
    });

    it('buckets rows with very different shapes by a discriminator field, keeping their order', () => {
      const exchanges = githubExchanges().map(({ scenario, method, path, status, response }) => ({
        method,
        path,
        status,
        scenario,
        ...(response && typeof response === 'object' && !Array.isArray(response)
          ? (response as object)
          : { response }),
      }));
      const text = table(exchanges);
      expect(text.startsWith('__buckets:')).toBe(true);
      expect(decode(text)).toEqual(exchanges);
    });
  },
);

describe('renderTable', () => {
  it('quotes what CSV needs quoted and tells missing, null and "null" apart', () => {
    const rows = [
      { name: 'a,b', note: 'say "hi"', v: null },
      { name: ' padded ', note: 'null', v: 1.5 },
      { name: '', note: 'two\nlines' },
      { name: 'x', note: 'y', v: 2 },
    ];
    const text = table(rows);
    expect(text).toBe(
      '[4]{name:string,note:string,v:float?}\n"a,b","say ""hi""",null\n" padded ","null",1.5\n"","two\nlines",\nx,y,2',
    );
    expect(decode(text)).toEqual(rows);
  });

  it('refuses rows it cannot carry faithfully', () => {
    const duplicate = parseJson('[{"a":1,"a":2},{"a":3}]') as Extract<
      ReturnType<typeof fromValue>,
      { t: 'array' }
    >;
    expect(renderTable(duplicate.items as ObjectNode[])).toBeUndefined();
    const control = fromValue([{ a: 'bell\u0007' }, { a: 'ok' }]) as Extract<
      ReturnType<typeof fromValue>,
      { t: 'array' }
    >;
    expect(renderTable(control.items as ObjectNode[])).toBeUndefined();
  });

  it('keeps number texts as written, 64-bit ids included', () => {
    const rows = parseJson(
      '[{"id":12345678901234567890,"x":1.50},{"id":12345678901234567891,"x":2}]',
    ) as Extract<ReturnType<typeof fromValue>, { t: 'array' }>;
    expect(renderTable(rows.items as ObjectNode[])).toBe(
      '[2]{id:int,x:float}\n12345678901234567890,1.50\n12345678901234567891,2',
    );
  });
});
