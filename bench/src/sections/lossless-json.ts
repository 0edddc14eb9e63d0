import {
  compress,
  createSmartCrusher,
  findMarkerKeys,
  MemoryCcrStore,
} from '@headroom/core/internal';
import { encode } from '@toon-format/toon';
import { barChart } from '../charts/bar-chart.js';
import { writeChart } from '../charts/write-chart.js';
import { BENCH_MODEL, messageText } from '../context.js';
import { recordedLabels } from '../sources/github-fixtures.js';
import { int, pct, table } from '../report.js';
import { stepsOf } from '../workloads/workload.js';
import type { BenchSection } from './section.js';
import { toolTurn } from '../tool-turn.js';

interface Sample {
  name: string;
  items: Array<Record<string, unknown>>;
}

function isObjectArray(value: unknown): value is Array<Record<string, unknown>> {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))
  );
}

/** The largest array of objects in a JSON value (the payload of a tool result). */
function largestObjectArray(value: unknown): Array<Record<string, unknown>> | undefined {
  let best: Array<Record<string, unknown>> | undefined;
  const visit = (v: unknown): void => {
    if (isObjectArray(v) && v.length > (best?.length ?? 0)) best = v;
    if (Array.isArray(v)) v.forEach(visit);
    else if (typeof v === 'object' && v !== null) Object.values(v).forEach(visit);
  };
  visit(value);
  return best;
}

// SmartCrusher with the lossy path shut: a table whenever one is no larger than compact JSON, never a dropped item.
const losslessOnly = createSmartCrusher({
  losslessMinSavings: 0,
  keepAllUpTo: Number.MAX_SAFE_INTEGER,
});

/** Our lossless rendering of one array, from the public SmartCrusher; `table` is false when no table was possible. */
async function losslessFor(
  items: unknown[],
  countTokens: (text: string) => number,
): Promise<{ text: string; table: boolean }> {
  const out = await losslessOnly(JSON.stringify(items), {
    query: '',
    countTokens,
    stash: () => {
      throw new Error('the lossless rendering tried to drop content');
    },
  });
  return { text: out.text, table: out.strategy?.includes('table') ?? false };
}

/** What `compress()` with default options makes of the array as a lone tool result, and whether it dropped anything. */
async function pipelineFor(
  items: unknown[],
): Promise<{ text: string; lossless: boolean; strategy: string }> {
  const input = JSON.stringify(items, null, 2);
  const messages = toolTurn({ name: 'fetch', output: input });
  const result = await compress(messages, { model: BENCH_MODEL, store: new MemoryCcrStore() });
  const text = messageText(result.messages[1]);
  return {
    text,
    lossless: findMarkerKeys(text).length === 0,
    strategy: result.transforms[0]?.strategy ?? 'passthrough',
  };
}

/** Our lossless table rendering against TOON's `encode` on the same real arrays. */
export const losslessJsonSection: BenchSection = {
  title: 'Lossless JSON: our table rendering vs TOON',
  async run(ctx) {
    const samples: Sample[] = [];
    for (const workload of ctx.workloads) {
      for (const step of stepsOf(workload)) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(step.output);
        } catch {
          continue;
        }
        const items = largestObjectArray(parsed);
        if (items && items.length >= 5)
          samples.push({ name: `${workload.id} / \`${step.name}\``, items });
      }
    }
    samples.push({ name: '@octokit/fixtures / repository labels', items: recordedLabels() });

    const rows: string[][] = [];
    const chart = { compact: [] as number[], toon: [] as number[], ours: [] as number[] };
    for (const sample of samples) {
      const compact = ctx.countTokens(JSON.stringify(sample.items));
      const pretty = ctx.countTokens(JSON.stringify(sample.items, null, 2));
      const toon = ctx.countTokens(encode(sample.items));
      const ours = await losslessFor(sample.items, ctx.countTokens);
      const oursTokens = ctx.countTokens(ours.text);
      const pipeline = await pipelineFor(sample.items);
      const pipelineTokens = ctx.countTokens(pipeline.text);
      chart.compact.push(compact);
      chart.toon.push(toon);
      chart.ours.push(oursTokens);
      rows.push([
        sample.name,
        int(sample.items.length),
        int(pretty),
        int(compact),
        int(toon),
        ours.table ? int(oursTokens) : `no table (${int(oursTokens)})`,
        ours.table ? pct(oursTokens / toon - 1) : '—',
        `${int(pipelineTokens)} \`${pipeline.strategy}\`${pipeline.lossless ? '' : ' (lossy)'}`,
      ]);
    }
    return [
      'Every workload tool result whose payload is an array of ≥5 objects, plus a flat real array (GitHub labels).',
      '*TOON*: `encode()` from `@toon-format/toon` with default options. *Ours, lossless*: `createSmartCrusher` from',
      '`@headroom/core` with the lossy path shut (`losslessMinSavings: 0`, no item limit), so it renders the table',
      'whenever one is no larger than compact JSON; *no table* means the array could not be a table and the figure is',
      'minified JSON. *Ours vs TOON*: negative = fewer tokens than TOON. *compress() default*: what the pipeline really',
      'sends for the array alone as a pretty-printed tool result, with the strategy it recorded; *lossy* = items were',
      'dropped to a CCR store (so that figure is not comparable with TOON).',
      '',
      table(
        [
          'Array',
          'Items',
          'JSON (indent 2)',
          'JSON (compact)',
          'TOON',
          'Ours, lossless',
          'Ours vs TOON',
          'compress() default',
        ],
        rows,
        ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'l'],
      ),
      '',
      writeChart(
        'lossless-json.svg',
        'Tokens of each array: compact JSON, TOON and our lossless table',
        barChart({
          title: 'Tokens per array, lossless: compact JSON vs TOON vs ours (fewer is better)',
          categories: samples.map((s) => s.name.replace(/`/g, '')),
          series: [
            { name: 'JSON (compact)', values: chart.compact },
            { name: 'TOON', values: chart.toon },
            { name: 'Ours, lossless', values: chart.ours },
          ],
          label: (v) => Math.round(v).toLocaleString('en-US'),
        }),
      ),
    ].join('\n');
  },
};
