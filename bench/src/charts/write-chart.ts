import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchRepoRoot } from '../data-dir.js';
import { isPartialRun } from '../only.js';

/** Where the charts live, beside BENCHMARKS.md, committed with it. */
export const CHART_DIR = 'bench/charts';

/**
 * Writes an SVG chart under `bench/charts/` and returns the Markdown that shows it in BENCHMARKS.md.
 * A partial run (`BENCH_ONLY`) leaves the committed charts alone, as it leaves BENCHMARKS.md.
 */
export function writeChart(file: string, alt: string, svg: string): string {
  if (!isPartialRun) {
    mkdirSync(join(benchRepoRoot, CHART_DIR), { recursive: true });
    writeFileSync(join(benchRepoRoot, CHART_DIR, file), svg);
  }
  return `![${alt}](${CHART_DIR}/${file})`;
}
