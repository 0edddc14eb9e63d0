import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TransformRecord } from '@headroom/core/internal';
import { describe, expect, it } from 'vitest';
import { appendLedger } from './append-ledger.js';
import { formatSummary } from './format-summary.js';
import { ledgerPath } from './ledger-path.js';
import { ledgerRecord, type LedgerRecord } from './ledger-record.js';
import { parseSince } from './parse-since.js';
import { inputPricePerMillion } from './prices.js';
import { readLedger } from './read-ledger.js';
import { summarizeLedger } from './summarize-ledger.js';

const transform = (
  kind: TransformRecord['kind'],
  strategy: string,
  tokensBefore: number,
  tokensAfter: number,
): TransformRecord => ({
  messageIndex: 2,
  kind,
  strategy,
  tokensBefore,
  tokensAfter,
  ccrKeys: [],
});

const record = (overrides: Partial<LedgerRecord> = {}): LedgerRecord => ({
  v: 1,
  ts: '2026-11-20T10:00:00.000Z',
  source: 'cli',
  model: 'gpt-4o',
  tokensBefore: 1000,
  tokensAfter: 200,
  ccrKeys: 1,
  parts: [{ kind: 'log', strategy: 'log:dedupe', tokensBefore: 900, tokensAfter: 100 }],
  ...overrides,
});

const tempLedger = async () =>
  join(await mkdtemp(join(tmpdir(), 'headroom-ledger-')), 'nested', 'stats.jsonl');

describe('the stats ledger', () => {
  it('lives in HEADROOM_HOME when set', () => {
    expect(ledgerPath({ HEADROOM_HOME: '/srv/hr' })).toBe('/srv/hr/stats.jsonl');
  });

  it('folds a compression’s transforms by kind and strategy into one line', () => {
    const line = ledgerRecord(
      {
        tokensBefore: 5000,
        tokensAfter: 900,
        ccrKeys: ['a', 'b'],
        transforms: [
          transform('json', 'smart_crush:rows', 2000, 300),
          transform('json', 'smart_crush:rows', 1000, 100),
          transform('log', 'log:dedupe', 1500, 400),
        ],
      },
      {
        source: 'mcp',
        model: 'claude-sonnet-4-5',
        ms: 12.345,
        now: new Date('2026-11-30T00:00:00Z'),
      },
    );
    expect(line).toEqual({
      v: 1,
      ts: '2026-11-30T00:00:00.000Z',
      source: 'mcp',
      model: 'claude-sonnet-4-5',
      tokensBefore: 5000,
      tokensAfter: 900,
      ms: 12.3,
      ccrKeys: 2,
      parts: [
        { kind: 'json', strategy: 'smart_crush:rows', tokensBefore: 3000, tokensAfter: 400 },
        { kind: 'log', strategy: 'log:dedupe', tokensBefore: 1500, tokensAfter: 400 },
      ],
    });
  });

  it('appends whole lines under concurrent writers and reads them back', async () => {
    const path = await tempLedger();
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        appendLedger(record({ tokensBefore: 1000 + i }), { path }),
      ),
    );
    expect(results.every((r) => r.ok)).toBe(true);
    const read = await readLedger({ path });
    expect(read.map((r) => r.tokensBefore).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 40 }, (_, i) => 1000 + i),
    );
  });

  it('skips corrupted lines with one warning each, never throwing', async () => {
    const path = await tempLedger();
    await appendLedger(record(), { path });
    await appendFile(
      path,
      `{"v":1,"ts":"2026-11-2\n\nnot json\n{"v":1,"ts":"2026-11-20T10:00:00Z","source":"cli","tokensBefore":-5,"tokensAfter":1,"parts":[]}\n${'x'.repeat(70_000)}\n`,
    );
    await appendLedger(record({ source: 'proxy' }), { path });
    const warnings: string[] = [];
    const read = await readLedger({ path, onWarning: (m) => warnings.push(m) });
    expect(read.map((r) => r.source)).toEqual(['cli', 'proxy']);
    expect(warnings).toEqual(
      [2, 4, 5, 6].map((n) => `${path}:${n}: skipped a line that is not a stats record`),
    );
  });

  it('reads a missing ledger as empty, and reports a failed append instead of throwing', async () => {
    const path = await tempLedger();
    expect(await readLedger({ path })).toEqual([]);
    await appendLedger(record(), { path });
    const failed = await appendLedger(record(), { path: join(path, 'under-a-file.jsonl') });
    expect(failed.ok).toBe(false);
    expect((await readFile(path, 'utf8')).split('\n')).toHaveLength(2);
  });

  it('keeps only records since a time', async () => {
    const path = await tempLedger();
    await appendLedger(record({ ts: '2026-11-01T00:00:00.000Z' }), { path });
    await appendLedger(record({ ts: '2026-11-29T00:00:00.000Z' }), { path });
    const since = parseSince('7d', new Date('2026-11-30T00:00:00Z'));
    expect((await readLedger({ path, since })).map((r) => r.ts)).toEqual([
      '2026-11-29T00:00:00.000Z',
    ]);
  });
});

describe('summarizeLedger', () => {
  it('totals tokens, ratio, and cost at the listed input price of each model', () => {
    const summary = summarizeLedger([
      record({ model: 'gpt-4o', tokensBefore: 1_200_000, tokensAfter: 200_000 }),
      record({
        model: 'anthropic/claude-sonnet-4-5-20250929',
        tokensBefore: 600_000,
        tokensAfter: 100_000,
        source: 'proxy',
      }),
      record({ model: 'my-local-llama', tokensBefore: 1000, tokensAfter: 400 }),
      record({ model: undefined, tokensBefore: 10, tokensAfter: 10, parts: [] }),
    ]);
    expect(summary).toMatchObject({
      compressions: 4,
      tokensBefore: 1_801_010,
      tokensAfter: 300_410,
      tokensSaved: 1_500_600,
      unpricedTokensSaved: 600,
    });
    expect(summary.ratio).toBeCloseTo(300_410 / 1_801_010, 10);
    expect(summary.estimatedCostSavedUsd).toBe(2.5 + 1.5);
    expect(summary.byModel.map((r) => [r.name, r.tokensSaved])).toEqual([
      ['gpt-4o', 1_000_000],
      ['anthropic/claude-sonnet-4-5-20250929', 500_000],
      ['my-local-llama', 600],
      ['(unknown)', 0],
    ]);
    expect(summary.bySource.map((r) => [r.name, r.compressions])).toEqual([
      ['cli', 3],
      ['proxy', 1],
    ]);
  });

  it('groups per content type and per compressor, counting a compression once per group', () => {
    const summary = summarizeLedger([
      record({
        parts: [
          { kind: 'json', strategy: 'smart_crush:rows', tokensBefore: 100, tokensAfter: 10 },
          { kind: 'json', strategy: 'smart_crush:lossless', tokensBefore: 50, tokensAfter: 40 },
          { kind: 'log', strategy: 'log', tokensBefore: 30, tokensAfter: 20 },
        ],
      }),
    ]);
    expect(summary.byKind).toEqual([
      {
        name: 'json',
        compressions: 1,
        tokensBefore: 150,
        tokensAfter: 50,
        tokensSaved: 100,
        ratio: 50 / 150,
      },
      {
        name: 'log',
        compressions: 1,
        tokensBefore: 30,
        tokensAfter: 20,
        tokensSaved: 10,
        ratio: 20 / 30,
      },
    ]);
    expect(summary.byCompressor.map((r) => [r.name, r.compressions, r.tokensSaved])).toEqual([
      ['smart_crush', 1, 100],
      ['log', 1, 10],
    ]);
  });

  it('renders a report with totals and tables', () => {
    const text = formatSummary(
      summarizeLedger([record()], { since: new Date('2026-11-23T00:00:00Z') }),
    );
    expect(text.split('\n').slice(0, 3)).toEqual([
      'Headroom stats, since 2026-11-23T00:00:00.000Z: 1 compressions',
      'tokens 1,000 → 200, saved 800 (80.0%, ratio 0.200)',
      'estimated input cost saved $0.0020 at list prices',
    ]);
    expect(text).toContain(
      '\ncontent type  calls  before  after  saved  saved %\nlog               1     900    100    800    88.9%',
    );
    expect(formatSummary(summarizeLedger([]))).toBe('No compressions recorded (all time).');
  });
});

describe('prices and --since', () => {
  it('matches the longest listed prefix, ignoring a provider prefix', () => {
    expect(inputPricePerMillion('gpt-4o-mini-2024-07-18')).toBe(0.15);
    expect(inputPricePerMillion('openai/gpt-4o')).toBe(2.5);
    expect(inputPricePerMillion('claude-opus-4-5-20251101')).toBe(5);
    expect(inputPricePerMillion('claude-opus-4-1')).toBe(15);
    expect(inputPricePerMillion('mistral-large')).toBeUndefined();
  });

  it('parses spans and dates, and rejects the rest with a typed error', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    expect(parseSince('24h', now).toISOString()).toBe('2026-11-29T12:00:00.000Z');
    expect(parseSince('2w', now).toISOString()).toBe('2026-11-16T12:00:00.000Z');
    expect(parseSince('2026-11-01').toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(() => parseSince('last week')).toThrow(/--since takes a span like 7d/);
  });
});
