import type { BenchContext } from '../context.js';

/** One part of BENCHMARKS.md: a `##` title and a function that measures and returns the markdown body. */
export interface BenchSection {
  title: string;
  run(ctx: BenchContext): Promise<string>;
}
