import type { LanguageModelV3CallOptions } from '@ai-sdk/provider';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { findDataDir, noDataReason } from '../data-dir.js';
import { buildWorkloads } from '../workloads/index.js';
import { exactMatch, tokenF1 } from './answer-agreement.js';
import { formatEvals, runEvals } from './run-evals.js';

const dataDir = findDataDir();

describe('answer agreement', () => {
  it('compares answers as normalised words: exact match and token-F1', () => {
    expect(exactMatch('The culprit is `blk_-123`.', 'culprit is blk_-123')).toBe(true);
    expect(exactMatch('web-server-2', 'web-server-3')).toBe(false);
    expect(tokenF1('the p99 latency is 230 ms', 'p99 is 230 ms')).toBeCloseTo(
      (2 * 1 * (4 / 5)) / (1 + 4 / 5),
      10,
    );
    expect(tokenF1('Alice', 'Bob')).toBe(0);
    expect(tokenF1('', '')).toBe(1);
  });
});

/**
 * A stand-in for a model that reads its context: it answers with every focus item of the workload
 * that the prompt still shows, so compression that drops one changes its answer.
 */
function readingModel(needles: readonly string[]) {
  return new MockLanguageModelV3({
    doGenerate: async (options: LanguageModelV3CallOptions) => {
      const prompt = JSON.stringify(options.prompt);
      const seen = needles.filter((n) => prompt.includes(JSON.stringify(n).slice(1, -1)));
      const text = seen.length
        ? `The answer involves ${seen.join(', ')}.`
        : 'I cannot tell from this context.';
      return {
        content: [{ type: 'text', text }],
        finishReason: { unified: 'stop', raw: 'stop' },
        usage: {
          inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
          outputTokens: { total: 1, text: 1, reasoning: 0 },
        },
        warnings: [],
      };
    },
  });
}

describe.skipIf(!dataDir)(
  `headroom evals on the bench workloads (${dataDir ? 'shared/data' : noDataReason})`,
  () => {
    it('runs offline: every retention probe retained or recoverable, none lost', {
      timeout: 300_000,
    }, async () => {
      const report = await runEvals({ dataDir: dataDir!, workloads: ['sre-incident'] });
      expect(report.workloads.map((w) => w.id)).toEqual(['sre-incident']);
      const [sre] = report.workloads;
      expect(sre!.tokensAfter).toBeLessThan(sre!.tokensBefore);
      expect(sre!.probes.retained + sre!.probes.recoverable).toBeGreaterThan(50);
      expect(report.probes.lost).toBe(0);
      expect(report.agreement).toBeUndefined();
      expect(formatEvals(report)).toMatch(
        /^sre-incident: tokens \d+ → \d+ \(saved \d+\.\d%\) · probes retained \d+, recoverable \d+, lost 0\ntotal: /,
      );
    });

    it('with a model, asks the final question on the original and the compressed context and scores agreement', {
      timeout: 300_000,
    }, async () => {
      const workload = buildWorkloads(dataDir!).find((w) => w.id === 'sre-incident')!;
      const model = readingModel(workload.focus.map((f) => f.needle));
      const report = await runEvals({ dataDir: dataDir!, workloads: ['sre-incident'], model });
      expect(model.doGenerateCalls).toHaveLength(2);
      const [original, compressed] = model.doGenerateCalls.map(
        (c) => JSON.stringify(c.prompt).length,
      );
      expect(compressed).toBeLessThan(original!);
      const answers = report.workloads[0]!.answers!;
      expect(answers.original).toMatch(/^The answer involves /);
      expect(answers).toMatchObject({
        exact:
          answers.original === answers.compressed ||
          exactMatch(answers.original, answers.compressed),
      });
      expect(report.agreement).toEqual({ exact: answers.exact ? 1 : 0, f1: answers.f1 });
      expect(formatEvals(report)).toContain('answer agreement: exact ');

      // A model whose answer the compression changes: agreement must show it.
      const blind = new MockLanguageModelV3({
        doGenerate: async (options: LanguageModelV3CallOptions) => ({
          content: [
            {
              type: 'text',
              text:
                JSON.stringify(options.prompt).length > original! - 10
                  ? 'original context'
                  : 'compressed context',
            },
          ],
          finishReason: { unified: 'stop', raw: 'stop' },
          usage: {
            inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 },
            outputTokens: { total: 1, text: 1, reasoning: 0 },
          },
          warnings: [],
        }),
      });
      const differs = await runEvals({
        dataDir: dataDir!,
        workloads: ['sre-incident'],
        model: blind,
      });
      expect(differs.agreement).toEqual({ exact: 0, f1: 0.5 });
    });
  },
);
