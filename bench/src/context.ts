import {
  compress,
  MemoryCcrStore,
  type CompressResult,
  type OpenAIMessage,
} from '@headroom/core/internal';
import { countTokens } from './tokens.js';
import type { Workload } from './workloads/index.js';

/** A workload after one `compress()` call, with the store holding what it dropped. */
export interface CompressedWorkload {
  result: CompressResult<OpenAIMessage>;
  store: MemoryCcrStore;
}

/** What every section gets: the data, the workloads, one shared compression of each, and a place to flag problems. */
export interface BenchContext {
  dataDir: string;
  workloads: readonly Workload[];
  /** The workload compressed once per run (memoized), so every section reports on the same output. */
  compressed(workload: Workload): Promise<CompressedWorkload>;
  countTokens(text: string): number;
  /** Progress line on stderr. */
  log(message: string): void;
  /** Records something that must fail the run (e.g. a lost probe); main prints them and exits non-zero. */
  problem(message: string): void;
  readonly problems: readonly string[];
}

/** Model the bench compresses for: o200k tokens, counted exactly. */
export const BENCH_MODEL = 'gpt-4o';

/** A progress line on stderr (stdout is the report in a partial run). */
export function logProgress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Builds the shared context for one run. */
export function createContext(dataDir: string, workloads: readonly Workload[]): BenchContext {
  const memo = new Map<string, Promise<CompressedWorkload>>();
  const problems: string[] = [];
  return {
    dataDir,
    workloads,
    compressed(workload) {
      let pending = memo.get(workload.id);
      if (!pending) {
        const store = new MemoryCcrStore();
        pending = compress(workload.messages, { model: BENCH_MODEL, store }).then((result) => ({
          result,
          store,
        }));
        memo.set(workload.id, pending);
      }
      return pending;
    },
    countTokens,
    log: logProgress,
    problem: (message) => problems.push(message),
    problems,
  };
}

/** Text content of a message, whatever its content shape. */
export function messageText(message: OpenAIMessage | undefined): string {
  const content = message?.content;
  if (typeof content === 'string') return content;
  if (Array.isArray(content))
    return content.map((part) => (typeof part.text === 'string' ? part.text : '')).join('\n');
  return '';
}
