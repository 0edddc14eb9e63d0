import { compress, findMarkerKeys, MemoryCcrStore, type OpenAIMessage } from '@headroom/core';
import { encode } from '@toon-format/toon';
import { BENCH_MODEL, messageText } from '../context.js';
import { recordedLabels } from '../sources/github-fixtures.js';
import { int, pct, table } from '../report.js';
import { stepsOf } from '../workloads/workload.js';
import type { BenchSection } from './section.js';

interface Sample {
  name: string;
  items: Array<Record<string, unknown>>;
}

function isObjectArray(value: unknown): value is Array<Record<string, unknown>> {
  return Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
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

/** Our rendering of one array: what `compress()` makes of it as a lone tool result, and whether it dropped anything. */
async function oursFor(items: unknown[]): Promise<{ text: string; lossless: boolean; changed: boolean; strategy: string }> {
  const input = JSON.stringify(items, null, 2);
  const messages: OpenAIMessage[] = [
    { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'fetch', arguments: '{}' } }] },
    { role: 'tool', tool_call_id: 'call_1', content: input },
  ];
  const result = await compress(messages, { model: BENCH_MODEL, store: new MemoryCcrStore() });
  const text = messageText(result.messages[1]);
  return { text, lossless: findMarkerKeys(text).length === 0, changed: text !== input, strategy: result.transforms[0]?.strategy ?? 'passthrough' };
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
        if (items && items.length >= 5) samples.push({ name: `${workload.id} / \`${step.name}\``, items });
      }
    }
    samples.push({ name: '@octokit/fixtures / repository labels', items: recordedLabels() });

    const rows: string[][] = [];
    for (const sample of samples) {
      const compact = ctx.countTokens(JSON.stringify(sample.items));
      const pretty = ctx.countTokens(JSON.stringify(sample.items, null, 2));
      const toon = ctx.countTokens(encode(sample.items));
      const ours = await oursFor(sample.items);
      const oursTokens = ctx.countTokens(ours.text);
      const oursCell = !ours.changed ? '—' : ours.lossless ? int(oursTokens) : `lossy (${int(oursTokens)})`;
      const versus = ours.changed && ours.lossless ? pct(oursTokens / toon - 1) : '—';
      rows.push([sample.name, int(sample.items.length), int(pretty), int(compact), int(toon), oursCell, `\`${ours.strategy}\``, versus]);
    }
    return [
      'Every workload tool result whose payload is an array of ≥5 objects, plus a flat real array (GitHub labels).',
      '*TOON*: `encode()` from `@toon-format/toon` with default options. *Ours*: the text `compress()` produces for the array',
      'sent alone as a pretty-printed tool result; counted only when it holds no CCR marker (nothing dropped).',
      '*Strategy* is what the pipeline recorded (`passthrough`: kept the original, nothing saved ≥15%; `minify`: compact',
      'JSON, no table). *lossy* means SmartCrusher chose to drop items (stored for retrieval), so no lossless figure exists',
      'for that array. Last column: ours relative to TOON (negative = fewer tokens than TOON).',
      '',
      table(['Array', 'Items', 'JSON (indent 2)', 'JSON (compact)', 'TOON', 'Ours', 'Strategy', 'Ours vs TOON'], rows, ['l', 'r', 'r', 'r', 'r', 'r', 'l', 'r']),
    ].join('\n');
  },
};
