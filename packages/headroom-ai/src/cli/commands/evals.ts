import type { LanguageModelV3 } from '@ai-sdk/provider';
import type { CliCommand } from '../command.js';
import { optionalModel } from '../resolve-model.js';
import { CliUsageError } from '../usage-error.js';
import { jsonOption } from '../json-option.js';

/** What `headroom evals` uses of the bench's `evals` module (bench/src/evals/index.ts). */
interface BenchEvals {
  findDataDir(): string | undefined;
  noDataReason: string;
  workloadIds(dataDir: string): string[];
  runEvals(options: {
    dataDir: string;
    workloads?: readonly string[];
    model?: LanguageModelV3;
    onProgress?: (id: string) => void;
  }): Promise<{ probes: { lost: number } }>;
  formatEvals(report: unknown): string;
}

/** Where the built bench sits in a clone, seen from this file in `dist/cli/commands/` (or `src/`). */
const benchEvalsUrl = new URL('../../../../../bench/dist/evals/index.js', import.meta.url);

/**
 * The bench's evals. The bench is a private workspace package that itself depends on headroom-ai (the
 * proxy load bench), so it is loaded by path: present in a built clone, absent from a published install.
 */
async function benchEvals(): Promise<BenchEvals> {
  try {
    return (await import(benchEvalsUrl.href)) as BenchEvals;
  } catch {
    throw new Error(
      'headroom evals runs the bench workloads, which ship with the source repository: run it from a clone after pnpm build',
    );
  }
}

/** `headroom evals`: retention probes on the bench workloads, and answer agreement with a model. */
export const evalsCommand: CliCommand = {
  name: 'evals',
  summary:
    'check what compression keeps on the bench workloads (probes; answer agreement with a model)',
  description: [
    'Compresses the bench workloads (real logs, code and search results from shared/data or $HEADROOM_DATA_DIR)',
    'and classifies every retention probe — numbers, paths, ids, error lines, the items the question is about —',
    'as retained, recoverable (through headroom_retrieve) or lost. With --model or $HEADROOM_LLM (provider:id,',
    "with @ai-sdk/<provider> installed) it also asks each workload's final question with the original and the",
    'compressed context and reports their agreement (exact match and token-F1). Exits 1 when a probe is lost.',
  ].join('\n'),
  options: {
    workload: {
      type: 'string',
      valueName: 'ids',
      description: 'comma-separated workload ids (default all)',
    },
    model: {
      type: 'string',
      valueName: 'provider:id',
      description: 'AI SDK model for the before/after answers',
    },
    json: jsonOption('the report'),
  },
  async run({ values }, io) {
    const path = 'headroom evals';
    const evals = await benchEvals();
    const dataDir = evals.findDataDir();
    if (!dataDir) throw new Error(evals.noDataReason.replace(/^skipped: /, ''));
    const known = evals.workloadIds(dataDir);
    const chosen =
      typeof values.workload === 'string'
        ? values.workload
            .split(',')
            .map((w) => w.trim())
            .filter(Boolean)
        : [];
    const unknown = chosen.filter((w) => !known.includes(w));
    if (unknown.length)
      throw new CliUsageError(
        path,
        `unknown workload ${unknown.join(', ')} (known: ${known.join(', ')})`,
      );
    const model = await optionalModel(path, values.model, io.env);
    const report = await evals.runEvals({
      dataDir,
      workloads: chosen,
      model,
      onProgress: (id) => io.stderr(`evals: ${id}\n`),
    });
    io.stdout(`${values.json ? JSON.stringify(report, null, 2) : evals.formatEvals(report)}\n`);
    return report.probes.lost > 0 ? 1 : 0;
  },
};
