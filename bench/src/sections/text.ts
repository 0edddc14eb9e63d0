import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ccrKey,
  createTextCompressor,
  loadKompressModel,
  type Compressor,
  type CompressorContext,
} from '@headroom/core/internal';
import { writeTinyKompressModel } from '../kompress/tiny-model.js';
import { benchRepoRoot } from '../data-dir.js';
import { int, median, ms, pct, table } from '../report.js';
import type { BenchSection } from './section.js';

const RUNS = 5;

/** Real prose shipped inside installed packages: licences, READMEs, a bundle of quoted licences. */
const DOCS: ReadonlyArray<{ name: string; path: string }> = [
  { name: 'typescript `LICENSE.txt` (Apache-2.0)', path: 'node_modules/typescript/LICENSE.txt' },
  {
    name: 'typescript `ThirdPartyNoticeText.txt`',
    path: 'node_modules/typescript/ThirdPartyNoticeText.txt',
  },
  { name: 'vitest `LICENSE.md` (26 bundled licences)', path: 'node_modules/vitest/LICENSE.md' },
  { name: '@toon-format/toon `README.md`', path: 'bench/node_modules/@toon-format/toon/README.md' },
  {
    name: '@huggingface/transformers `README.md`',
    path: 'packages/core/node_modules/@huggingface/transformers/README.md',
  },
];

function compressorContext(countTokens: (text: string) => number): CompressorContext {
  return { query: '', countTokens, stash: (original) => ccrKey(original) };
}

async function timedRuns(
  compress: Compressor,
  text: string,
  ctx: CompressorContext,
): Promise<{ output: string; ms: number }> {
  let output = '';
  const times: number[] = [];
  for (let run = 0; run <= RUNS; run++) {
    const start = performance.now();
    output = (await compress(text, ctx)).text;
    if (run > 0) times.push(performance.now() - start); // run 0 warms up
  }
  return { output, ms: median(times) };
}

/** The prose compressor on real documents: extractive fallback savings and latency, Kompress plumbing on a tiny model. */
export const textSection: BenchSection = {
  title: 'Prose: extractive fallback and Kompress',
  async run(ctx) {
    const docs = DOCS.map((doc) => ({
      ...doc,
      text: readFileSync(join(benchRepoRoot, doc.path), 'utf8'),
    }));
    const context = compressorContext(ctx.countTokens);
    const extractive = createTextCompressor().compress;
    const rows: string[][] = [];
    for (const doc of docs) {
      ctx.log(`text: ${doc.name}`);
      const before = ctx.countTokens(doc.text);
      const { output, ms: took } = await timedRuns(extractive, doc.text, context);
      const after = ctx.countTokens(output);
      rows.push([
        doc.name,
        int(before),
        int(after),
        pct(1 - after / before),
        ms(took),
        `${int(before / took)}`,
      ]);
    }

    const dir = mkdtempSync(join(tmpdir(), 'headroom-tiny-kompress-'));
    try {
      // The tiny model keeps words of six letters or more: enough to exercise every step, not a quality signal.
      const words = new Set(docs.flatMap((d) => d.text.toLowerCase().match(/\p{L}+/gu) ?? []));
      writeTinyKompressModel(dir, {
        keep: [...words].filter((w) => w.length >= 6),
        drop: [...words].filter((w) => w.length < 6),
      });
      const loadStart = performance.now();
      const model = await loadKompressModel({ model: dir });
      const loadMs = performance.now() - loadStart;
      // No word cap: the largest document (11k words) would otherwise go to the fallback (`maxWords`, default 10,000).
      const kompress = createTextCompressor({
        kompress: { model: dir, maxWords: Number.POSITIVE_INFINITY },
      }).compress;
      const kompressRows: string[][] = [];
      for (const doc of docs) {
        const wordCount = doc.text.split(/\s+/).filter(Boolean).length;
        const { ms: took } = await timedRuns(kompress, doc.text, context);
        kompressRows.push([doc.name, int(wordCount), ms(took), int(wordCount / (took / 1000))]);
      }
      return [
        `\`createTextCompressor()\` called directly on each document (no relevance query, target ratio 0.5), token`,
        `counts o200k. Latency: median of ${RUNS} calls after one warm-up, including per-sentence token counting.`,
        'Documents with repeated passages (licence bundles) save more than the target because near-duplicate',
        'sentences are dropped even when the budget has room for them.',
        '',
        table(['Document', 'Tokens', 'After', 'Saved', 'Latency', 'Tokens/ms'], rows),
        '',
        `**Kompress path, on a tiny stand-in model — not the real \`kompress-v2-base\`.** The bench writes a model with`,
        'the real contract (`input_ids`, `attention_mask` → `final_scores`; embedding → MatMul → sigmoid, a WordPiece',
        `tokenizer of ${int(words.size + 4)} entries) and loads it through the production path (\`@huggingface/transformers\``,
        `AutoTokenizer and AutoModel, ${model.runtime}, \`${model.file}\`). These numbers measure our side of Kompress —`,
        'per-word tokenization, 350-word/512-token chunking, one session call per chunk, word selection and joining —',
        'not the ModernBERT encoder, whose CPU time per chunk will dominate with the real model and is not measured',
        `here (the real model is not downloaded). Model load (import of transformers.js included): ${ms(loadMs)}.`,
        '',
        table(['Document', 'Words', 'Latency (tiny model)', 'Words/s'], kompressRows),
      ].join('\n');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
