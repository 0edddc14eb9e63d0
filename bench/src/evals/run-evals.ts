import type { LanguageModelV3 } from '@ai-sdk/provider';
import { compress, MemoryCcrStore } from '@headroom/core/internal';
import { BENCH_MODEL } from '../context.js';
import { workloadRetention } from '../probes/workload-retention.js';
import type { ProbeStatus } from '../probes/probe.js';
import { buildWorkloads, type Workload } from '../workloads/index.js';
import { exactMatch, tokenF1 } from './answer-agreement.js';
import { askModel } from './ask-model.js';

/** One workload's evaluation. */
export interface WorkloadEval {
  id: string;
  title: string;
  tokensBefore: number;
  tokensAfter: number;
  probes: Record<ProbeStatus, number>;
  /** With a model: its answer from the original and from the compressed context, and how far they agree. */
  answers?: { original: string; compressed: string; exact: boolean; f1: number };
}

/** What `headroom evals` reports. */
export interface EvalReport {
  workloads: WorkloadEval[];
  probes: Record<ProbeStatus, number>;
  /** Over the workloads asked: share of exact agreements and mean token-F1. */
  agreement?: { exact: number; f1: number };
}

/** Options of {@link runEvals}. */
export interface RunEvalsOptions {
  dataDir: string;
  /** Workload ids to run (default all). */
  workloads?: readonly string[];
  /** Asks each workload's final question with the original and with the compressed context. */
  model?: LanguageModelV3;
  onProgress?: (message: string) => void;
}

/** The workload ids known to the bench, for validating `--workload`. */
export function workloadIds(dataDir: string): string[] {
  return buildWorkloads(dataDir).map((w) => w.id);
}

async function evalWorkload(
  workload: Workload,
  model: LanguageModelV3 | undefined,
): Promise<WorkloadEval> {
  const store = new MemoryCcrStore();
  const result = await compress(workload.messages, { model: BENCH_MODEL, store });
  const { outcomes } = await workloadRetention(workload, result, store);
  const probes = { retained: 0, recoverable: 0, lost: 0 };
  for (const o of outcomes) probes[o.status] += 1;
  const evaluated: WorkloadEval = {
    id: workload.id,
    title: workload.title,
    tokensBefore: result.tokensBefore,
    tokensAfter: result.tokensAfter,
    probes,
  };
  if (!model) return evaluated;
  const original = await askModel(model, workload.messages);
  const compressed = await askModel(model, result.messages);
  return {
    ...evaluated,
    answers: {
      original,
      compressed,
      exact: exactMatch(original, compressed),
      f1: tokenF1(original, compressed),
    },
  };
}

/**
 * Runs the bench workloads offline: compresses each, classifies its retention probes (retained,
 * recoverable, lost); with a model, also compares its answers before and after compression (exact match
 * and token-F1 agreement), as the reference product does on its tool-output suite.
 */
export async function runEvals({
  dataDir,
  workloads: only,
  model,
  onProgress,
}: RunEvalsOptions): Promise<EvalReport> {
  const all = buildWorkloads(dataDir);
  const chosen = only?.length ? all.filter((w) => only.includes(w.id)) : all;
  const results: WorkloadEval[] = [];
  for (const workload of chosen) {
    onProgress?.(workload.id);
    results.push(await evalWorkload(workload, model));
  }
  const probes = { retained: 0, recoverable: 0, lost: 0 };
  for (const r of results)
    for (const status of ['retained', 'recoverable', 'lost'] as const)
      probes[status] += r.probes[status];
  const asked = results.flatMap((r) => (r.answers ? [r.answers] : []));
  const agreement = asked.length
    ? {
        exact: asked.filter((a) => a.exact).length / asked.length,
        f1: asked.reduce((sum, a) => sum + a.f1, 0) / asked.length,
      }
    : undefined;
  return { workloads: results, probes, ...(agreement ? { agreement } : {}) };
}

/** The report as text: one line per workload, then the totals. */
export function formatEvals(report: EvalReport): string {
  const pct = (n: number) => `${(100 * n).toFixed(1)}%`;
  const lines = report.workloads.map((w) => {
    const saved = w.tokensBefore === 0 ? 0 : 1 - w.tokensAfter / w.tokensBefore;
    const answers = w.answers
      ? ` · answers ${w.answers.exact ? 'agree exactly' : 'differ'}, token-F1 ${w.answers.f1.toFixed(2)}`
      : '';
    return `${w.id}: tokens ${w.tokensBefore} → ${w.tokensAfter} (saved ${pct(saved)}) · probes retained ${w.probes.retained}, recoverable ${w.probes.recoverable}, lost ${w.probes.lost}${answers}`;
  });
  lines.push(
    `total: probes retained ${report.probes.retained}, recoverable ${report.probes.recoverable}, lost ${report.probes.lost}`,
  );
  if (report.agreement)
    lines.push(
      `answer agreement: exact ${pct(report.agreement.exact)}, mean token-F1 ${report.agreement.f1.toFixed(3)}`,
    );
  return lines.join('\n');
}
