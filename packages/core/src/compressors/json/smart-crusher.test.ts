import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OpenAIMessage } from '../../adapters/openai.js';
import { MARKER_PATTERN } from '../../ccr/marker.js';
import { MemoryCcrStore } from '../../ccr/memory-store.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { compress } from '../../compress.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { noDataReason } from '../../test-utils/data-dir.node.js';
import { installedPath } from '../../test-utils/package-file.node.js';
import {
  dataDir,
  githubExchanges,
  hasGithubFixtures,
  installedPackages,
  logRecords,
  noGithubReason,
} from './__fixtures__/records.node.js';
import type { CrushOptions } from './crush-options.js';
import { createSmartCrusher, jsonUnits, smartCrusher } from './smart-crusher.js';

function toolResult(content: string, question: string): OpenAIMessage[] {
  return [
    { role: 'user', content: question },
    {
      role: 'assistant',
      content: null,
      tool_calls: [
        { id: 'call_1', type: 'function', function: { name: 'fetch', arguments: '{}' } },
      ],
    },
    { role: 'tool', tool_call_id: 'call_1', content },
  ];
}

const outputOf = (messages: OpenAIMessage[]): string => messages[2]!.content as string;

async function crush(text: string, query = '', options?: Partial<CrushOptions>) {
  const { ctx, stashed } = await createTestContext({ query });
  const output = await (options ? createSmartCrusher(options) : smartCrusher.compress)(text, ctx);
  return { ...output, stashed };
}

describe.skipIf(!hasGithubFixtures)(
  `SmartCrusher on recorded GitHub API exchanges (${hasGithubFixtures ? 'octokit fixtures' : noGithubReason})`,
  () => {
    const exchanges = hasGithubFixtures ? githubExchanges() : [];
    const text = JSON.stringify(exchanges, null, 2);

    it('crushes through compress(), keeps every failed exchange, and the store gives the original back', async () => {
      const store = new MemoryCcrStore();
      const result = await compress(toolResult(text, 'Why did the branch protection call fail?'), {
        store,
      });
      expect(result.compressed).toBe(true);
      expect(result.transforms[0]!.strategy).toContain('crush');
      const output = outputOf(result.messages);
      const crushed = JSON.parse(output) as Array<Record<string, unknown>>;
      for (const failed of exchanges.filter((e) => e.status >= 400))
        expect(crushed).toContainEqual(failed);
      const marker = crushed.at(-1) as { _headroom: string };
      expect(marker._headroom).toMatch(
        /^<<ccr:[0-9a-f]{24} \d+ items omitted; call headroom_retrieve>>$/,
      );

      const key = [...marker._headroom.matchAll(MARKER_PATTERN)][0]![1]!;
      expect(result.ccrKeys).toContain(key);
      const full = await retrieve(store, key);
      expect(JSON.parse(full.content)).toEqual(exchanges);
      expect(full.meta).toMatchObject({ kind: 'json', count: exchanges.length });

      const found = await retrieve(store, key, { query: 'Validation Failed' });
      const items = found.content
        .split('\n')
        .map((line) => JSON.parse(line) as { status: number; response: { message: string } });
      expect(found.total).toBe(exchanges.length);
      expect(items).toEqual(
        exchanges.filter((e) => JSON.stringify(e).includes('Validation Failed')),
      );
      expect(items.map((item) => item.status)).toEqual([422, 422]);
    });

    it('is deterministic: the same input gives the same bytes', async () => {
      const a = await compress(toolResult(text, 'list the failures'), {
        store: new MemoryCcrStore(),
      });
      const b = await compress(toolResult(text, 'list the failures'), {
        store: new MemoryCcrStore(),
      });
      expect(outputOf(a.messages)).toBe(outputOf(b.messages));
      expect(a.ccrKeys).toEqual(b.ccrKeys);
    });

    it('stashes opaque payloads behind a size-tagged marker', async () => {
      const { text: output, stashed } = await crush(text);
      const archive = exchanges.find((e) => e.responseIsBinary)!.response as string;
      const marker = new RegExp(
        `<<ccr:([0-9a-f]{24}),hex,${(archive.length / 1024).toFixed(1)}KB>>|<<ccr:([0-9a-f]{24}),hex,${archive.length}B>>`,
      );
      const key = marker.exec(output)?.slice(1).find(Boolean);
      expect(key).toBeDefined();
      expect(stashed.get(key!)).toEqual({ original: archive, meta: { kind: 'string' } });
    });

    it('crushes arrays nested inside objects and JSON inside strings', async () => {
      // An MCP-style tool result: the API response travels as JSON text inside a text block.
      const mcp = JSON.stringify({
        content: [{ type: 'text', text: JSON.stringify(exchanges) }],
        isError: false,
      });
      const { text: output, stashed, strategy } = await crush(mcp);
      expect(strategy).toContain('string_json');
      const outer = JSON.parse(output) as { content: Array<{ text: string }>; isError: boolean };
      expect(outer.isError).toBe(false);
      const inner = JSON.parse(outer.content[0]!.text) as unknown[];
      expect(inner.length).toBeLessThan(exchanges.length);
      const key = /<<ccr:([0-9a-f]{24}) \d+ items omitted/.exec(outer.content[0]!.text)![1]!;
      expect(JSON.parse(stashed.get(key)!.original)).toEqual(exchanges);
    });
  },
);

describe.skipIf(!dataDir)(
  `SmartCrusher on logs as JSON records (${dataDir ? 'loghub samples' : noDataReason})`,
  () => {
    it('uses the lossless table when it saves enough, and then stashes nothing', async () => {
      const records = logRecords('HDFS', 30);
      const store = new MemoryCcrStore();
      const result = await compress(
        toolResult(JSON.stringify(records, null, 2), 'what happened to the blocks?'),
        { store },
      );
      const output = outputOf(result.messages);
      expect(result.transforms[0]!.strategy).toBe('smart_crush:table');
      expect(result.ccrKeys).toEqual([]);
      expect(store.size).toBe(0);
      expect(output.split('\n')[0]).toBe(
        '[30]{date:string,time:string,pid:int,level:string,component:string,message:string}',
      );
      expect(output.split('\n')).toHaveLength(31);
      expect(result.tokensAfter).toBeLessThan(result.tokensBefore * 0.85);
    });

    it('crushes a big repetitive array rather than showing it all as a big table', async () => {
      const records = logRecords('HDFS', 1000);
      const lossless = await crush(JSON.stringify(records), '', { losslessMaxTokens: Infinity });
      expect(lossless.strategy).toBe('smart_crush:table');
      const { text: output, strategy, stashed } = await crush(JSON.stringify(records));
      expect(strategy).toBe('smart_crush:crush');
      expect(output.length).toBeLessThan(lossless.text.length / 10);
      expect(JSON.parse([...stashed.values()][0]!.original)).toEqual(records);
    });

    it('crushes arrays of log lines (strings) with a marker element', async () => {
      const lines = readFileSync(`${dataDir}/logs/Zookeeper_2k.log`, 'utf8')
        .split('\n')
        .filter(Boolean);
      const { text: output, stashed } = await crush(JSON.stringify({ host: 'zk-1', lines }));
      const { lines: kept } = JSON.parse(output) as { lines: string[] };
      expect(kept.length).toBeLessThan(lines.length / 10);
      const marker = kept.at(-1)!;
      expect(marker).toMatch(/^<<ccr:[0-9a-f]{24} \d+ items omitted/);
      for (const line of kept.slice(0, -1)) expect(lines).toContain(line);
      const key = /<<ccr:([0-9a-f]{24})/.exec(marker)![1]!;
      expect(jsonUnits(stashed.get(key)!.original, { kind: 'json' })).toEqual(
        lines.map((line) => JSON.stringify(line)),
      );
    });

    it('says in the marker how often a kept error repeats', async () => {
      const records = logRecords('Apache');
      const { text: output } = await crush(JSON.stringify(records));
      const repeats = records.filter((r) =>
        /^mod_jk child workerEnv in error state \d+$/.test(String(r.message)),
      ).length;
      expect(repeats).toBeGreaterThan(100);
      expect(output).toContain(
        `kept errors repeat: mod_jk child workerEnv in error state # ×${repeats}`,
      );
      expect(output.match(/workerEnv in error state \d/g)).toHaveLength(1);
    });

    it('crushes arrays of numbers, keeping their anomalies', async () => {
      const sizes = readFileSync(`${dataDir}/logs/HDFS_2k.log`, 'utf8')
        .split('\n')
        .flatMap((line) => /is added to blk_-?\d+ size (\d+)/.exec(line)?.slice(1, 2) ?? [])
        .map(Number);
      const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
      const std = Math.sqrt(sizes.reduce((s, x) => s + (x - mean) ** 2, 0) / (sizes.length - 1));
      const { text: output } = await crush(
        JSON.stringify({ file: 'part-00000', blockSizes: sizes }),
      );
      const { blockSizes } = JSON.parse(output) as { blockSizes: Array<number | string> };
      expect(blockSizes.length).toBeLessThan(sizes.length / 2);
      expect(blockSizes.at(-1)).toMatch(
        /^<<ccr:[0-9a-f]{24} \d+ items omitted; call headroom_retrieve>>$/,
      );
      for (const size of sizes.filter((x) => Math.abs(x - mean) > 2 * std))
        expect(blockSizes).toContain(size);
    });

    it('crushes mixed arrays (records and raw lines), keeping the errors of both kinds', async () => {
      const mixed = logRecords('Apache', 600).map((r, i) =>
        i % 3 === 0 ? `[${r.time}] [${r.level}] ${r.message}` : r,
      );
      const { text: output } = await crush(JSON.stringify(mixed));
      const kept = JSON.parse(output) as unknown[];
      expect(kept.length).toBeLessThan(mixed.length / 5);
      expect(kept.some((item) => typeof item === 'string' && item.includes('[error]'))).toBe(true);
      expect(
        kept.some(
          (item) => typeof item === 'object' && (item as { level: string }).level === 'error',
        ),
      ).toBe(true);
      expect(kept.at(-1)).toMatch(/^<<ccr:/);
    });

    it('keeps 64-bit ids exact in kept items and in the stored original', async () => {
      const records = logRecords('Apache', 300);
      const text = `[${records.map((r, i) => `{"id":${12345678901234567890n + BigInt(i)},"time":${JSON.stringify(r.time)},"level":${JSON.stringify(r.level)},"message":${JSON.stringify(r.message)}}`).join(',')}]`;
      const { text: output, stashed } = await crush(text);
      for (const match of output.matchAll(/"id":(\d+)|\n(\d{20}),/g))
        expect(BigInt(match[1] ?? match[2]!)).toBeGreaterThanOrEqual(12345678901234567890n);
      expect(output).toContain('12345678901234567890');
      for (const { original } of stashed.values()) expect(original).toBe(text);
    });

    it('leaves distinct entities with no signal uncrushed', async () => {
      const pkg = JSON.parse(readFileSync(installedPath('typescript', 'package.json'), 'utf8')) as {
        devDependencies: Record<string, string>;
      };
      const entities = Object.entries(pkg.devDependencies).map(([name, range]) => ({
        name,
        range,
      }));
      expect(entities.length).toBeGreaterThan(20);
      const { text: output, stashed } = await crush(JSON.stringify(entities, null, 2));
      expect(stashed.size).toBe(0);
      expect(output).not.toMatch(/<<ccr:/);
      for (const { name } of entities) expect(output).toContain(name);

      // Past the lossless budget too: with nothing to crush, the table is still the answer.
      const packages = installedPackages();
      const big = await crush(JSON.stringify(packages));
      expect(big.strategy).toBe('smart_crush:table');
      expect(big.stashed.size).toBe(0);
      expect(big.text.split('\n')).toHaveLength(packages.length + 1);
    });
  },
);

describe('SmartCrusher on bad and edge inputs', () => {
  it('returns non-JSON and malformed input unchanged', async () => {
    for (const input of [
      'hello world',
      '[1, 2',
      '{"a":}',
      '',
      '   ',
      '"just a string"',
      '42',
      '[{"a":1},{"a":2}] trailing',
    ]) {
      expect((await crush(input)).text).toBe(input);
    }
  });

  it('handles empty arrays and objects', async () => {
    expect((await crush('[]')).text).toBe('[]');
    expect((await crush('{\n  "items": [],\n  "meta": {}\n}')).text).toBe('{"items":[],"meta":{}}');
  });

  it('survives 10,000-deep nesting without rewriting it', async () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect((await crush(deep)).text).toBe(deep);
    const deepObject = `${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`;
    expect((await crush(deepObject)).text).toBe(deepObject);
  });

  it('leaves subtrees below the depth limit as they are', async () => {
    const rows = JSON.stringify(
      Array.from({ length: 50 }, (_, i) => ({
        id: i,
        level: i === 7 ? 'error' : 'info',
        msg: 'heartbeat ok',
      })),
    );
    const nested = `${'{"x":'.repeat(55)}${rows}${'}'.repeat(55)}`;
    const { text: output, stashed } = await crush(nested);
    expect(output).toBe(nested);
    expect(stashed.size).toBe(0);
  });

  it('stores a 10 MB string and keeps a marker', async () => {
    const blob = readFileSync(installedPath('web-tree-sitter', 'tree-sitter.wasm'))
      .toString('base64')
      .repeat(40)
      .slice(0, 10 * 1024 * 1024);
    const { text: output, stashed } = await crush(
      JSON.stringify({ name: 'tree-sitter.wasm', data: blob }),
    );
    expect(output).toMatch(
      /^\{"name":"tree-sitter.wasm","data":"<<ccr:[0-9a-f]{24},base64,10\.0MB>>"\}$/,
    );
    expect([...stashed.values()][0]!.original).toBe(blob);
  });

  it('keeps lone surrogates and duplicate keys', async () => {
    const text = '[{"k":"\\ud800","k":2}, {"a":"x\\udc00y"}]';
    expect((await crush(text)).text).toBe('[{"k":"\\ud800","k":2},{"a":"x\\udc00y"}]');
  });
});
