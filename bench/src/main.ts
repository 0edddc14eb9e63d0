import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext, logProgress as log } from './context.js';
import { benchRepoRoot, requireDataDir } from './data-dir.js';
import { isPartialRun, onlySections } from './only.js';
import { header } from './report.js';
import { reportToParent, runSectionProcess, sectionChild } from './section-process.js';
import { sections } from './sections/index.js';
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

if (sectionChild) {
  const section = sections[sectionChild.index]!;
  const ctx = createContext(dataDir, buildWorkloads(dataDir));
  const body = `## ${section.title}\n\n${(await section.run(ctx)).trim()}\n`;
  reportToParent(sectionChild.out, { body, problems: [...ctx.problems] });
} else {
  const problems: string[] = [];
  const bodies: string[] = [];
  if (isPartialRun) {
    // A partial run is one quick process: the sections it names, in order.
    const ctx = createContext(dataDir, buildWorkloads(dataDir));
    for (const section of sections) {
      if (!onlySections.some((word) => section.title.toLowerCase().includes(word))) continue;
      log(section.title);
      bodies.push(`## ${section.title}\n\n${(await section.run(ctx)).trim()}\n`);
    }
    problems.push(...ctx.problems);
  } else {
    for (const [index, section] of sections.entries()) {
      log(section.title);
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
