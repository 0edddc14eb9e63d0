/**
 * `BENCH_ONLY=<words>`: the words (comma-separated, any case) of the section titles to run. A partial
 * run prints its sections and leaves the committed BENCHMARKS.md and charts alone: a quick
 * measurement while working on one compressor, never a partial report. Empty: the whole bench.
 */
export const onlySections: readonly string[] = (process.env.BENCH_ONLY ?? '')
  .toLowerCase()
  .split(',')
  .map((word) => word.trim())
  .filter(Boolean);

/** Whether this run measures only some sections (and so must not write committed output). */
export const isPartialRun = onlySections.length > 0;
