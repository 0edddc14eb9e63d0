import { formatMarker } from '../../ccr/marker.js';
import type { CompressorContext, CompressorOutput } from '../../types.js';
import { hasErrorWord, isImportantLevel, isSummaryLine, isTestFailureLine, lineLevel, type LogLevel } from './classify-line.js';
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
  const templates = lineTemplates(
    lines,
    infos.map((info) => `${info.level}${info.notable ? '!' : ''}`),
  );
  const { ids, counts } = templates;
  const keep = selectLines(lines, infos, templates);
  if (keep.size === lines.length) return { text };

  const firstOfTemplate = new Map<number, number>();
  for (const [index, id] of ids.entries()) if (!firstOfTemplate.has(id)) firstOfTemplate.set(id, index);
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
    out.push(count > 1 && firstOfTemplate.get(id) === index ? `${line} (×${count})` : line);
  }
  if (gap > 0) out.push(`[… ${gap} ${gap === 1 ? 'line' : 'lines'}]`);

  const key = ctx.stash(text, { kind: 'log', count: lines.length });
  const dropped = lines.length - keep.size;
  const perLevel = [...omitted.entries()].map(([level, n]) => `${n} ${level}`).join(', ');
  out.push(formatMarker(key, `${dropped} of ${lines.length} lines omitted${perLevel ? ` (${perLevel})` : ''}`));
  return { text: out.join('\n'), strategy: 'log:templates' };
}

function levelName(info: LineInfo): string {
  if (info.level === 'none' || info.level === 'info' || info.level === 'debug' || info.level === 'trace') {
    return info.notable ? 'error-word' : info.level === 'none' ? 'other' : info.level;
  }
  return info.level;
}

function selectLines(lines: readonly string[], infos: readonly LineInfo[], { ids, counts, variants }: LineTemplates): Set<number> {
  const n = lines.length;
  const keep = new Set<number>();
  const shown = new Map<number, number>(); // template id → lines kept
  const add = (index: number): void => {
    if (index < 0 || index >= n || keep.has(index)) return;
    keep.add(index);
    const id = ids[index] as number;
    shown.set(id, (shown.get(id) ?? 0) + 1);
  };

  for (let i = 0; i < Math.min(HEAD_LINES, n); i++) add(i);
  let last = n - 1;
  while (last > 0 && (lines[last] as string).trim() === '') last--;
  for (let i = Math.max(0, last - TAIL_LINES + 1); i <= last; i++) add(i);

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
    const frames = lines.slice(block.start + 1, block.end + 1).map((l) => maskVariables(l.trim())).join('\n');
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
  const context = notableFirst.size <= 8 ? 3 : notableFirst.size <= 20 ? 2 : notableFirst.size <= 50 ? 1 : 0;
  for (const index of notableLines) add(index);
  for (const index of notableFirst.values()) {
    for (let c = 1; c <= context; c++) {
      for (const near of [index - c, index + c]) {
        if ((shown.get(ids[near] as number) ?? 0) < MAX_COPIES) add(near);
      }
    }
  }

  // One example of each of the most frequent ordinary templates.
  const ordinaryFirst = new Map<number, number>();
  for (const [index, id] of ids.entries()) if (!notableFirst.has(id) && !ordinaryFirst.has(id)) ordinaryFirst.set(id, index);
  const byFrequency = [...ordinaryFirst.entries()].sort((a, b) => (counts[b[0]] as number) - (counts[a[0]] as number) || a[1] - b[1]);
  for (const [id, index] of byFrequency.slice(0, SHAPE_TEMPLATES)) if (!shown.has(id)) add(index);
  return keep;
}
