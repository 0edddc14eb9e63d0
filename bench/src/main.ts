import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createContext } from './context.js';
import { benchRepoRoot, requireDataDir } from './data-dir.js';
import { isPartialRun, onlySections } from './only.js';
import { header } from './report.js';
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
const ctx = createContext(dataDir, buildWorkloads(dataDir));
const chosen = isPartialRun
  ? sections.filter((s) => onlySections.some((word) => s.title.toLowerCase().includes(word)))
  : sections;
const bodies: string[] = [];
for (const section of chosen) {
  ctx.log(section.title);
  const sectionStart = performance.now();
  bodies.push(`## ${section.title}\n\n${(await section.run(ctx)).trim()}\n`);
  ctx.log(`${section.title}: ${((performance.now() - sectionStart) / 1000).toFixed(1)} s`);
}
const report = `${header(started, (performance.now() - clock) / 1000)}\n\n${bodies.join('\n')}`;
if (isPartialRun) {
  process.stdout.write(report);
} else {
  const target = join(benchRepoRoot, 'BENCHMARKS.md');
  writeFileSync(target, report);
  ctx.log(`wrote ${target}`);
}

if (ctx.problems.length > 0) {
  process.stderr.write(
    `\n${ctx.problems.length} problem(s) found — these are bugs, see BENCHMARKS.md:\n`,
  );
  for (const problem of ctx.problems) process.stderr.write(`  - ${problem}\n`);
  process.exitCode = 1;
}
