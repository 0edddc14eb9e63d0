import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, logProgress as log } from './context.js';
import { benchRepoRoot, requireDataDir } from './data-dir.js';
import { isPartialRun, onlySections } from './only.js';
import { header } from './report.js';
import {
  reportToParent,
  runSectionProcess,
  type SectionOutcome,
  sectionChild,
} from './section-process.js';
import { type BenchSection, sections } from './sections/index.js';
import { buildWorkloads } from './workloads/index.js';

let dataDir: string;
try {
  dataDir = requireDataDir();
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}

const started = new Date();
const clock = performance.now();

/** Runs `chosen` in this process, one context for all, each section's part of the report in order. */
async function runHere(chosen: readonly BenchSection[]): Promise<SectionOutcome> {
  const ctx = createContext(dataDir, buildWorkloads(dataDir));
  const bodies: string[] = [];
  for (const section of chosen) {
    log(section.title);
    bodies.push(`## ${section.title}\n\n${(await section.run(ctx)).trim()}\n`);
  }
  return { body: bodies.join('\n'), problems: [...ctx.problems] };
}

if (sectionChild) {
  reportToParent(sectionChild.out, await runHere([sections[sectionChild.index]!]));
} else {
  const problems: string[] = [];
  const bodies: string[] = [];
  if (isPartialRun) {
    // A partial run is one quick process: the sections it names, in order.
    const outcome = await runHere(
      sections.filter((s) => onlySections.some((word) => s.title.toLowerCase().includes(word))),
    );
    bodies.push(outcome.body);
    problems.push(...outcome.problems);
  } else {
    for (const [index, section] of sections.entries()) {
      // The section's own process logs its title.
      const sectionStart = performance.now();
      const outcome = runSectionProcess(index, section.title);
      bodies.push(outcome.body);
      problems.push(...outcome.problems);
      log(`${section.title}: ${((performance.now() - sectionStart) / 1000).toFixed(1)} s`);
    }
  }
  const report = `${header(started, (performance.now() - clock) / 1000)}\n\n${bodies.join('\n')}`;
  if (isPartialRun) {
    process.stdout.write(report);
  } else {
    const target = join(benchRepoRoot, 'BENCHMARKS.md');
    writeFileSync(target, report);
    log(`wrote ${target}`);
  }
  if (problems.length > 0) {
    process.stderr.write(
      `\n${problems.length} problem(s) found — these are bugs, see BENCHMARKS.md:\n`,
    );
    for (const problem of problems) process.stderr.write(`  - ${problem}\n`);
    process.exitCode = 1;
  }
}
