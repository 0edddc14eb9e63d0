import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** What one section's process hands back: its part of BENCHMARKS.md and the problems it found. */
export interface SectionOutcome {
  body: string;
  problems: string[];
}

/**
 * Set in a section's own process: the index of the section to run and the file its outcome goes to.
 * Each section of a full run gets a fresh process, so its timings don't pay for the heap, caches and JIT
 * state the sections before it left behind (the compressors measured 2-3x slower after ten other sections).
 */
export const sectionChild =
  process.env.BENCH_SECTION !== undefined && process.env.BENCH_SECTION_OUT !== undefined
    ? { index: Number(process.env.BENCH_SECTION), out: process.env.BENCH_SECTION_OUT }
    : undefined;

/** Writes a section's outcome where the parent reads it. */
export function reportToParent(out: string, outcome: SectionOutcome): void {
  writeFileSync(out, JSON.stringify(outcome));
}

/** Runs section `index` in a fresh process of this script; progress lines pass through on stderr. */
export function runSectionProcess(index: number, title: string): SectionOutcome {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-'));
  const out = join(dir, 'outcome.json');
  try {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1] as string], {
      env: { ...process.env, BENCH_SECTION: String(index), BENCH_SECTION_OUT: out },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    try {
      return JSON.parse(readFileSync(out, 'utf8')) as SectionOutcome;
    } catch {
      const how = child.signal ? `signal ${child.signal}` : `exit code ${child.status}`;
      return {
        body: `Not measured: the section's process ended (${how}) without a result.`,
        problems: [`${title}: the section's process ended (${how}) without a result`],
      };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
