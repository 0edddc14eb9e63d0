import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import {
  ccrKey,
  compressDiff,
  compressLog,
  compressSearch,
  compressTable,
  createTokenCounter,
  defaultCompressors,
  type Compressor,
  type CompressorContext,
} from '@headroom/core/internal';
import { git, installedPackageDir, replaceWith, repoWithChange } from '@headroom/core/testing/node';
import { BENCH_MODEL } from '../context.js';
import { benchRepoRoot } from '../data-dir.js';
import { int, median, ms, pct, table } from '../report.js';
import { syntheticGitLog } from '../sources/git-history.js';
import { sourceProject } from '../sources/source-tree.js';
import type { BenchSection } from './section.js';

const compressHtml = defaultCompressors.html!.compress;

const RUNS = 15;
/**
 * Calls before the timed ones, and the least time they take, so the timings are of optimized code, as
 * in a long-running process: a small sample's 20 calls end before the compiler threads have finished
 * with the code they ran, and the timed calls' CPU time would count that compiling.
 */
const WARMUP = 20;
const WARMUP_MS = 400;
const ERROR_LINE = /ERROR|FATAL|Exception|failed/i;

interface Sample {
  compressor: string;
  name: string;
  text: string;
  query?: string;
  compress: Compressor;
}

function context(countTokens: (text: string) => number, query = ''): CompressorContext {
  return { query, countTokens, stash: (original) => ccrKey(original) };
}

async function measure(
  sample: Sample,
  countTokens: (text: string) => number,
): Promise<{ output: string; ms: number; cpuMs: number }> {
  const ctx = context(countTokens, sample.query);
  let output = '';
  const times: number[] = [];
  const cpuTimes: number[] = [];
  // Each sample starts on a collected heap: its timed calls do not pay for the samples before it.
  (globalThis as { gc?: () => void }).gc?.();
  const warmupEnd = performance.now() + WARMUP_MS;
  for (let call = 0; call < WARMUP || performance.now() < warmupEnd; call++)
    await sample.compress(sample.text, ctx);
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    const cpuStart = process.cpuUsage();
    output = (await sample.compress(sample.text, ctx)).text;
    const cpu = process.cpuUsage(cpuStart);
    times.push(performance.now() - start);
    cpuTimes.push((cpu.user + cpu.system) / 1000);
  }
  return { output, ms: median(times), cpuMs: median(cpuTimes) };
}

/** `git diff` between two installed releases of one npm package; undefined when either is not installed. */
function releaseDiff(name: string, from: string, to: string): string | undefined {
  let dirs: [string, string];
  try {
    dirs = [installedPackageDir(name, from), installedPackageDir(name, to)];
  } catch {
    return undefined;
  }
  const { dir, diff } = repoWithChange(dirs[0], replaceWith(dirs[1]));
  rmSync(dir, { recursive: true, force: true });
  return diff;
}

function samples(dataDir: string): Sample[] {
  const out: Sample[] = [];
  const logsDir = join(dataDir, 'logs');
  for (const file of readdirSync(logsDir)
    .filter((f) => f.endsWith('.log'))
    .sort()) {
    out.push({
      compressor: 'log',
      name: `loghub \`${file}\``,
      text: readFileSync(join(logsDir, file), 'utf8'),
      compress: compressLog,
    });
  }

  const long = releaseDiff('long', '4.0.0', '5.3.2');
  if (long)
    out.push({
      compressor: 'diff',
      name: '`git diff` long 4.0.0 → 5.3.2 (installed releases)',
      text: long,
      compress: compressDiff,
    });
  try {
    const history = git(benchRepoRoot, 'diff', '7d9e523', '2ad992c');
    out.push({
      compressor: 'diff',
      name: '`git diff 7d9e523 2ad992c` (this repo, with lockfile)',
      text: history,
      compress: compressDiff,
    });
  } catch {
    // shallow clone: the commits are not there
  }
  try {
    // Fixed commits, so the row does not move with every landing: 20 non-merge commits ending at the log compressor's
    // rework, whose routing-corpus fixtures are whole-file additions (1 MB of log lines).
    const log = git(benchRepoRoot, 'log', '-p', '-20', '--no-merges', '609a369');
    out.push({
      compressor: 'diff',
      name: '`git log -p -20` (this repo, commits and their patches)',
      text: log,
      compress: compressDiff,
    });
  } catch {
    // shallow clone: the commit is not there
  }

  // The shared data holds source trees, not histories: each becomes a short history in a temp repository.
  for (const [id, pattern] of [
    ['cpp/fmt', /\.(h|cc)$/],
    ['java/gson', /\.java$/],
  ] as const) {
    const log = syntheticGitLog(sourceProject(dataDir, id).root, pattern);
    if (log)
      out.push({
        compressor: 'diff',
        name: `\`git log -p -8\` of a 9-commit history made from ${id}`,
        text: log,
        compress: compressDiff,
      });
  }

  const code = join(dataDir, 'code');
  const grep = (...args: string[]): string =>
    execFileSync('grep', ['-rn', ...args, '.'], {
      cwd: code,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
  out.push({
    compressor: 'search',
    name: '`grep -rn Error` over shared/data/code',
    text: grep('Error'),
    compress: compressSearch,
  });
  out.push({
    compressor: 'search',
    name: '`grep -rn -C2 timeout python/requests`, query "connect timeout"',
    text: grep('-C2', 'timeout', 'python/requests'),
    query: 'where is the connect timeout passed to urllib3',
    compress: compressSearch,
  });

  // npm ships its documentation as generated HTML pages beside node.
  const npmDocs = resolve(
    dirname(process.execPath),
    '../lib/node_modules/npm/docs/output/commands',
  );
  for (const page of ['npm-install.html', 'npm-trust.html']) {
    const path = join(npmDocs, page);
    if (existsSync(path))
      out.push({
        compressor: 'html',
        name: `npm docs \`${page}\``,
        text: readFileSync(path, 'utf8'),
        compress: compressHtml,
      });
  }

  const vega = join(benchRepoRoot, 'packages', 'core', 'node_modules', 'vega-datasets', 'data');
  for (const file of ['seattle-weather.csv', 'airports.csv', 'unemployment.tsv']) {
    const path = join(vega, file);
    if (existsSync(path))
      out.push({
        compressor: 'table',
        name: `vega-datasets \`${file}\``,
        text: readFileSync(path, 'utf8'),
        compress: compressTable,
      });
  }
  const pnpmDir = join(benchRepoRoot, 'node_modules', '.pnpm');
  const ai = readdirSync(pnpmDir)
    .filter((d) => /^ai@\d/.test(d))
    .sort()
    .at(-1);
  const providers =
    ai &&
    join(
      pnpmDir,
      ai,
      'node_modules',
      'ai',
      'docs',
      '02-foundations',
      '02-providers-and-models.mdx',
    );
  if (providers && existsSync(providers)) {
    out.push({
      compressor: 'table',
      name: 'AI SDK docs `02-providers-and-models.mdx` (Markdown table)',
      text: readFileSync(providers, 'utf8'),
      compress: compressTable,
    });
  }
  return out;
}

/** Each content compressor called directly on real samples: savings, latency, and error lines kept verbatim in logs. */
export const compressorsSection: BenchSection = {
  title: 'Compressors: logs, diffs, search results, HTML, tables',
  async run(ctx) {
    const rows: string[][] = [];
    const byCompressor = new Map<
      string,
      { before: number; after: number; ms: number; cpuMs: number; bytes: number }
    >();
    const counter = await createTokenCounter(BENCH_MODEL);
    for (const sample of samples(ctx.dataDir)) {
      ctx.log(`compressors: ${sample.name}`);
      const before = ctx.countTokens(sample.text);
      // Compressors get core's counter, as inside compress(); the report's own numbers use js-tiktoken.
      const { output, ms: took, cpuMs } = await measure(sample, counter.count);
      const after = ctx.countTokens(output);
      let errors = '';
      if (sample.compressor === 'log') {
        const lines = [...new Set(sample.text.split('\n').filter((l) => ERROR_LINE.test(l)))];
        const kept = lines.filter((l) => output.includes(l)).length;
        errors = lines.length === 0 ? 'none' : `${int(kept)} of ${int(lines.length)}`;
      }
      rows.push([
        sample.compressor,
        sample.name,
        int(sample.text.split('\n').length),
        int(before),
        int(after),
        pct(1 - after / before),
        ms(took),
        errors,
      ]);
      const total = byCompressor.get(sample.compressor) ?? {
        before: 0,
        after: 0,
        ms: 0,
        cpuMs: 0,
        bytes: 0,
      };
      byCompressor.set(sample.compressor, {
        before: total.before + before,
        after: total.after + after,
        ms: total.ms + took,
        cpuMs: total.cpuMs + cpuMs,
        bytes: total.bytes + sample.text.length,
      });
    }
    const totals = [...byCompressor].map(([name, t]) => [
      name,
      int(t.before),
      int(t.after),
      pct(1 - t.after / t.before),
      ms(t.ms),
      `${(t.bytes / 2 ** 20 / (t.ms / 1000)).toFixed(1)} MB/s`,
      `${(t.bytes / 2 ** 20 / (t.cpuMs / 1000)).toFixed(1)} MB/s`,
    ]);
    return [
      'Each compressor called directly (no pipeline, no 15% acceptance gate) on real samples: the loghub logs,',
      '`git diff`s of real trees, `git log -p` of this repository and of two short histories made from the shared',
      'C++ and Java trees in a temp repository (the shared data holds no histories: nine commits with fixed dates —',
      'the import, two new files, a rename across files, edited bodies, a deleted block, a vendored copy and a lockfile,',
      "a moved file, a re-indented block; `-8` leaves the import out), `grep -rn` over the shared code corpus, npm's own HTML documentation pages, and",
      "real CSV/TSV files (vega-datasets) and a Markdown table (AI SDK docs) — tables go through SmartCrusher's row selection.",
      'Diffs: commit headers shrink to hash, author, date and subject; a large addition of code (a new file) shows the',
      "code compressor's outline (at most 120 lines, shallowest first, its functions retrievable by name), other large",
      'additions their first 20 lines; a second copy of the same added text names the first; a deleted file is one line.',
      `Latency: median of ${RUNS} calls after ${WARMUP} warm-up calls taking at least ${WARMUP_MS} ms. The HTML rows include the prose compressor run on the`,
      'extracted text (the extractive fallback here). Everything dropped is stored in CCR behind a marker: the log',
      'tests check that every line with ERROR/FATAL/Exception/failed is either in the output or returned by',
      '`headroom_retrieve` with a query made of that line; "kept verbatim" counts the ones still in the output.',
      '',
      table(
        [
          'Compressor',
          'Sample',
          'Lines',
          'Tokens',
          'After',
          'Saved',
          'Latency',
          'Error lines kept verbatim',
        ],
        rows,
        ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
      '',
      '**Per compressor** (sums over the samples above):',
      '',
      table(
        ['Compressor', 'Tokens', 'After', 'Saved', 'Total latency', 'Throughput', 'On CPU time'],
        totals,
      ),
      '',
      '*On CPU time*: the same bytes over the median CPU time of the calls (this process, GC and compiler threads',
      'included), which other jobs on a shared machine do not inflate as they do the wall clock.',
    ].join('\n');
  },
};
