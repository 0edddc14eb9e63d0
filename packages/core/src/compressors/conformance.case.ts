// The contract every compressor keeps, as one suite each compressor folder runs on its own samples
// (in the spirit of Hono's router/common.case.test.ts): a new compressor gets the whole contract
// checked by writing one `conformance.test.ts` that names its spec and a few real inputs.
import { describe, expect, it } from 'vitest';
import { findMarkerKeys } from '../ccr/marker.js';
import { retrieve } from '../ccr/retrieve.js';
import { resolveCompressors, unitSplittersOf } from './defaults.js';
import { adversarialRuns } from '../test-utils/adversarial-text.js';
import { createTestContext } from '../test-utils/compressor-context.js';
import { hostileTexts } from '../test-utils/hostile-texts.js';
import type { CcrMeta, CodeLanguage, CompressorSpec, ContentKind, UnitSplitter } from '../types.js';

/** One real input for the suite. */
export interface ConformanceSample {
  name: string;
  text: string;
  query?: string;
  language?: CodeLanguage;
  fileName?: string;
}

/** What {@link describeConformance} checks a compressor with. */
export interface ConformanceOptions {
  kind: ContentKind;
  spec: CompressorSpec;
  /** Real inputs of the compressor's kind; the suite fails if none of them gets compressed. */
  samples: () => ConformanceSample[];
  /**
   * Per-input limit on the CPU time a hostile input may cost, default 2 s: ten times the slowest
   * input of any compressor (0.2 s, the 12 MB of 200 kB lines), under the 3 s a quadratic scan took
   * on 20,000 dots. CPU time of this process, not wall-clock, so a loaded machine can't fail it.
   */
  hostileTimeLimitMs?: number;
  /** Why the samples are missing on this machine, when they are: the suite is skipped and says so. */
  skipReason?: string;
}

/** How many dropped units per sample are looked up by query (first, middle and last). */
const PROBES = 3;

async function run(
  spec: CompressorSpec,
  sample: Pick<ConformanceSample, 'text'> & Partial<ConformanceSample>,
) {
  const test = await createTestContext({ query: sample.query ?? '' });
  const ctx = { ...test.ctx, language: sample.language, fileName: sample.fileName };
  const output = await spec.compress(sample.text, ctx);
  return { output: output.text, ...test };
}

/** Units of a stored original, split the way retrieval splits originals of its kind. */
async function unitsOf(
  splitters: Partial<Record<CcrMeta['kind'], UnitSplitter>>,
  { original, meta }: { original: string; meta: CcrMeta },
): Promise<string[]> {
  const split = splitters[meta.kind];
  const units = split
    ? await split(original, meta)
    : original.split('\n').filter((line) => line.trim() !== '');
  // A unit a query can name: long enough, with words in it (punctuation alone selects nothing).
  return units.filter((unit) => unit.trim().length >= 12 && /\p{L}{3}/u.test(unit));
}

/** Registers the contract's tests for one compressor. */
export function describeConformance({
  kind,
  spec,
  samples,
  hostileTimeLimitMs = 2_000,
  skipReason,
}: ConformanceOptions): void {
  // Originals a compressor stores through another (HTML's page text through the prose compressor) split the default way.
  const splitters = unitSplittersOf(resolveCompressors({ [kind]: spec }));

  const title = `${kind} compressor: the compressor contract`;
  describe.skipIf(skipReason !== undefined)(skipReason ? `${title}: ${skipReason}` : title, () => {
    it('has real samples, and compresses at least one of them', async () => {
      const all = samples();
      expect(all.length).toBeGreaterThan(0);
      let compressed = 0;
      for (const sample of all) if ((await run(spec, sample)).output !== sample.text) compressed++;
      expect(compressed).toBeGreaterThan(0);
    });

    it('is deterministic: the same input gives the same bytes and the same stored keys', async () => {
      for (const sample of samples()) {
        const first = await run(spec, sample);
        const second = await run(spec, sample);
        expect(second.output, sample.name).toBe(first.output);
        expect([...second.stashed.keys()], sample.name).toEqual([...first.stashed.keys()]);
      }
    });

    it('never returns more tokens than it was given', async () => {
      for (const sample of samples()) {
        const { output, ctx } = await run(spec, sample);
        expect(ctx.countTokens(output), sample.name).toBeLessThanOrEqual(
          ctx.countTokens(sample.text),
        );
      }
    });

    it('points every marker at an original it stored', async () => {
      for (const sample of samples()) {
        const { output, stashed, store } = await run(spec, sample);
        for (const key of findMarkerKeys(output)) {
          // A marker quoted in the input is the input's own text, not one of ours.
          if (sample.text.includes(key)) continue;
          expect(stashed.has(key), `${sample.name}: marker ${key}`).toBe(true);
          expect(await store.get(key), `${sample.name}: stored ${key}`).toBeDefined();
        }
      }
    });

    it('brings a dropped unit back when retrieval is asked for it by query', async () => {
      let probed = 0;
      for (const sample of samples()) {
        const { output, stashed, store } = await run(spec, sample);
        for (const key of findMarkerKeys(output)) {
          const entry = stashed.get(key);
          if (!entry) continue;
          const dropped = (await unitsOf(splitters, entry)).filter(
            (unit) => !output.includes(unit.trim()),
          );
          const picks = [...new Set([0, dropped.length >> 1, dropped.length - 1])]
            .filter((i) => i >= 0 && i < dropped.length)
            .slice(0, PROBES);
          for (const i of picks) {
            const unit = dropped[i] as string;
            const found = await retrieve(store, key, { query: unit, splitters });
            expect(found.content, `${sample.name}: ${unit.slice(0, 80)}`).toContain(unit.trim());
            probed++;
          }
        }
      }
      expect(probed, 'no sample dropped a unit, so retrieval was never exercised').toBeGreaterThan(
        0,
      );
    });

    it('survives hostile input: no throw, no growth, within the CPU time limit', async () => {
      const inputs = [...hostileTexts(), ...adversarialRuns(20_000)];
      for (const text of inputs) {
        const started = process.cpuUsage();
        const { output, ctx } = await run(spec, { text });
        const { user, system } = process.cpuUsage(started);
        const label = JSON.stringify(text.slice(0, 24));
        expect(typeof output, label).toBe('string');
        expect((user + system) / 1000, label).toBeLessThan(hostileTimeLimitMs);
        if (output !== text)
          expect(ctx.countTokens(output), label).toBeLessThanOrEqual(ctx.countTokens(text));
      }
    });
  });
}
