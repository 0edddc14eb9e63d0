import { formatMarker } from '../../ccr/marker.js';
import type { CompressorContext, CompressorOutput } from '../../types.js';
import {
  hasErrorWord,
  isImportantLevel,
  isSummaryLine,
  isTestFailureLine,
  lineLevel,
  lineMessage,
  type LogLevel,
} from './classify-line.js';
import { lineTime } from './line-time.js';
import { lineTemplates, type LineTemplates } from './line-templates.js';
import { maskVariables } from './mask-variables.js';
import { findStackTraces } from './stack-traces.js';

/** Logs shorter than this pass through. */
const MIN_LINES = 50;
/** First and last lines always kept: the command that ran and its final status. */
const HEAD_LINES = 5;
const TAIL_LINES = 5;
const MAX_TRACES = 3;
const TRACE_LINES = 20;
const MAX_SUMMARY_LINES = 40;
const MAX_TEST_FAILURES = 100;
/** Most frequent ordinary (info/debug) templates shown once each, so the log's shape stays visible. */
const SHAPE_TEMPLATES = 15;
/** A context line is skipped once its template is already shown this often. */
const MAX_COPIES = 2;
/** Distinct wordings shown per notable template (`refused by db-1`, `refused by cache`…). */
const NOTABLE_VARIANTS = 3;
/** Ordinary lines shown around errors and as the log's shape: this share of the log, at least MIN_INFO_CHARS. */
const INFO_SHARE = 0.06;
const MIN_INFO_CHARS = 1500;

interface LineInfo {
  level: LogLevel;
  /** Important level, or an error word in a line of any level. */
  notable: boolean;
}

/**
 * Log and build-output compressor: every distinct error, failure and warning message (by template)
 * with context, whole stack traces up to a cap, summaries and failing test names, the first and last
 * lines, and one example of the most common ordinary messages, each repeated template marked `(×N)`.
 * Everything else goes to CCR behind one marker with the omitted counts per level.
 */
export function compressLog(text: string, ctx: CompressorContext): CompressorOutput {
  const lines = text.split('\n');
  if (lines.length < MIN_LINES) return { text };
  const infos: LineInfo[] = lines.map((line) => {
    const level = lineLevel(line);
    return { level, notable: isImportantLevel(level) || hasErrorWord(line) };
  });
  // Errors and warnings are grouped by their message alone and merge only on variable-looking words,
  // so every distinct one stays visible; ordinary lines are grouped whole and more loosely.
  const templates = lineTemplates(
    lines.map((line, i) => ((infos[i] as LineInfo).notable ? lineMessage(line) : line)),
    infos.map((info) => `${info.level}${info.notable ? '!' : ''}`),
    infos.map((info) => info.notable),
  );
  const { ids, counts } = templates;
  const keep = selectLines(lines, infos, templates, infoBudget(text));
  if (keep.size === lines.length) return { text };

  const firstOfTemplate = new Map<number, number>();
  const lastOfTemplate = new Map<number, number>();
  for (const [index, id] of ids.entries()) {
    if (!firstOfTemplate.has(id)) firstOfTemplate.set(id, index);
    lastOfTemplate.set(id, index);
  }
  const out: string[] = [];
  const omitted = new Map<string, number>();
  let gap = 0;
  for (const [index, line] of lines.entries()) {
    if (!keep.has(index)) {
      gap++;
      const level = levelName(infos[index] as LineInfo);
      if (line.trim() !== '') omitted.set(level, (omitted.get(level) ?? 0) + 1);
      continue;
    }
    if (gap > 0) out.push(`[… ${gap} ${gap === 1 ? 'line' : 'lines'}]`);
    gap = 0;
    const id = ids[index] as number;
    const count = counts[id] as number;
    out.push(
      count > 1 && firstOfTemplate.get(id) === index && line.trim() !== ''
        ? `${line} ${repeats(count, lines[lastOfTemplate.get(id) as number] as string)}`
        : line,
    );
  }
  if (gap > 0) out.push(`[… ${gap} ${gap === 1 ? 'line' : 'lines'}]`);

  const key = ctx.stash(text, { kind: 'log', count: lines.length });
  const dropped = lines.length - keep.size;
  const perLevel = [...omitted.entries()].map(([level, n]) => `${n} ${level}`).join(', ');
  out.push(
    formatMarker(
      key,
      `${dropped} of ${lines.length} lines omitted${perLevel ? ` (${perLevel})` : ''}`,
    ),
  );
  return { text: out.join('\n'), strategy: 'log:templates' };
}

/** `(×N)`, and when the last repeat carries a timestamp, `(×N, last …)`: the shown line has the first. */
function repeats(count: number, lastLine: string): string {
  const last = lineTime(lastLine);
  return last ? `(×${count}, last ${last})` : `(×${count})`;
}

/** Characters of ordinary lines (context, common templates) shown beside the errors, which have no budget. */
function infoBudget(text: string): number {
  return Math.max(MIN_INFO_CHARS, text.length * INFO_SHARE);
}

function levelName(info: LineInfo): string {
  if (
    info.level === 'none' ||
    info.level === 'info' ||
    info.level === 'debug' ||
    info.level === 'trace'
  ) {
    return info.notable ? 'error-word' : info.level === 'none' ? 'other' : info.level;
  }
  return info.level;
}

function selectLines(
  lines: readonly string[],
  infos: readonly LineInfo[],
  { ids, counts, variants }: LineTemplates,
  budget: number,
): Set<number> {
  const n = lines.length;
  const keep = new Set<number>();
  const shown = new Map<number, number>(); // template id → lines kept
  const add = (index: number): void => {
    if (index < 0 || index >= n || keep.has(index)) return;
    keep.add(index);
    const id = ids[index] as number;
    shown.set(id, (shown.get(id) ?? 0) + 1);
  };
  // Ordinary lines draw on the budget; errors, traces, summaries and the head and tail do not.
  let spent = 0;
  const addOrdinary = (index: number): void => {
    if (index < 0 || index >= n || keep.has(index)) return;
    const cost = (lines[index] as string).length + 1;
    if (spent + cost > budget) return;
    spent += cost;
    add(index);
  };

  // The head and tail, but not more than two lines of one template there (a run of GC lines says it once).
  const addEdge = (index: number): void => {
    if ((shown.get(ids[index] as number) ?? 0) < MAX_COPIES) add(index);
  };
  for (let i = 0; i < Math.min(HEAD_LINES, n); i++) addEdge(i);
  let last = n - 1;
  while (last > 0 && (lines[last] as string).trim() === '') last--;
  for (let i = last; i >= Math.max(0, last - TAIL_LINES + 1); i--) addEdge(i);

  const seenSummary = new Set<string>();
  const seenFailure = new Set<string>();
  for (const [index, line] of lines.entries()) {
    if (seenSummary.size < MAX_SUMMARY_LINES && isSummaryLine(line) && !seenSummary.has(line)) {
      seenSummary.add(line);
      add(index);
    }
    if (seenFailure.size < MAX_TEST_FAILURES && isTestFailureLine(line) && !seenFailure.has(line)) {
      seenFailure.add(line);
      add(index);
    }
  }

  const seenTraces = new Set<string>();
  for (const block of findStackTraces(lines)) {
    if (seenTraces.size >= MAX_TRACES) break;
    const frames = lines
      .slice(block.start + 1, block.end + 1)
      .map((l) => maskVariables(l.trim()))
      .join('\n');
    if (seenTraces.has(frames)) continue;
    seenTraces.add(frames);
    for (let i = block.start; i <= Math.min(block.end, block.start + TRACE_LINES - 1); i++) add(i);
  }

  // First line of every notable template (and of a few of its wordings), with context that
  // shrinks as there are more of them.
  const notableFirst = new Map<number, number>();
  const notableVariants = new Map<number, Set<number>>();
  const notableLines: number[] = [];
  for (const [index, info] of infos.entries()) {
    if (!info.notable) continue;
    const id = ids[index] as number;
    if (!notableFirst.has(id)) notableFirst.set(id, index);
    const seen = notableVariants.get(id) ?? new Set<number>();
    notableVariants.set(id, seen);
    const variant = variants[index] as number;
    if (seen.size < NOTABLE_VARIANTS && !seen.has(variant)) {
      seen.add(variant);
      notableLines.push(index);
    }
  }
  const context =
    notableFirst.size <= 8 ? 3 : notableFirst.size <= 20 ? 2 : notableFirst.size <= 50 ? 1 : 0;
  for (const index of notableLines) add(index);

  // One example of each of the most frequent ordinary templates, then context around errors, within the budget.
  const ordinaryFirst = new Map<number, number>();
  for (const [index, id] of ids.entries())
    if (!notableFirst.has(id) && !ordinaryFirst.has(id)) ordinaryFirst.set(id, index);
  const byFrequency = [...ordinaryFirst.entries()].sort(
    (a, b) => (counts[b[0]] as number) - (counts[a[0]] as number) || a[1] - b[1],
  );
  for (const [id, index] of byFrequency.slice(0, SHAPE_TEMPLATES))
    if (!shown.has(id)) addOrdinary(index);
  for (let c = 1; c <= context; c++) {
    for (const index of notableFirst.values()) {
      for (const near of [index - c, index + c]) {
        if ((shown.get(ids[near] as number) ?? 0) < MAX_COPIES) addOrdinary(near);
      }
    }
  }
  return keep;
}
