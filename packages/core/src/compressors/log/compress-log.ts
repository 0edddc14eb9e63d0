import { formatMarker } from '../../ccr/marker.js';
import { cutLongLine } from '../../util/truncate.js';
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
import { DEFAULT_LOG_OPTIONS, type LogOptions } from './log-options.js';
import { maskVariables } from './mask-variables.js';
import { errorDetails } from './error-details.js';
import { findStackTraces, isRuntimeFrame } from './stack-traces.js';

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
export function compressLog(
  text: string,
  ctx: CompressorContext,
  options: LogOptions = DEFAULT_LOG_OPTIONS,
): CompressorOutput {
  const lines = text.split('\n');
  if (lines.length < options.minLines) return { text };
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
  const { keep, frames, headers, details } = selectLines(lines, infos, templates, {
    options,
    budget: infoBudget(text, options),
  });
  if (keep.size === lines.length) return { text };

  const firstOfTemplate = new Map<number, number>();
  const lastOfTemplate = new Map<number, number>();
  for (const [index, id] of ids.entries()) {
    if (!firstOfTemplate.has(id)) firstOfTemplate.set(id, index);
    lastOfTemplate.set(id, index);
  }
  const out: string[] = [];
  const omitted = new Map<string, number>();
  // Frames left out of a trace are counted once, on its last shown line; other gaps say where they
  // are, except runs of blank lines.
  let gap = 0;
  let gapBlank = true;
  let hiddenFrames = 0;
  const flushFrames = (): void => {
    if (hiddenFrames === 0) return;
    const note = `(+${hiddenFrames} more ${hiddenFrames === 1 ? 'frame' : 'frames'})`;
    if (out.length > 0) out[out.length - 1] += ` ${note}`;
    else out.push(note);
    hiddenFrames = 0;
  };
  const closeGap = (): void => {
    if (gap > 0 && !gapBlank) out.push(`[… ${gap} ${gap === 1 ? 'line' : 'lines'}]`);
    gap = 0;
    gapBlank = true;
  };
  for (const [index, line] of lines.entries()) {
    if (!keep.has(index)) {
      // Frames are counted on their trace's line, not as lines of some level.
      const level = frames.has(index) ? 'other' : levelName(infos[index] as LineInfo);
      if (line.trim() !== '') omitted.set(level, (omitted.get(level) ?? 0) + 1);
      // A frame right after shown lines belongs to a shown trace; after a gap it is part of the gap.
      if (frames.has(index) && gap === 0) {
        hiddenFrames++;
      } else {
        if (gap === 0) flushFrames();
        gap++;
        gapBlank &&= line.trim() === '' && !frames.has(index);
      }
      continue;
    }
    closeGap();
    if (!frames.has(index)) flushFrames();
    const info = infos[index] as LineInfo;
    const shown = cutLongLine(
      line,
      isImportantLevel(info.level)
        ? options.maxLevelChars
        : info.notable || headers.has(index)
          ? options.maxNotableChars
          : options.maxLineChars,
    );
    const id = ids[index] as number;
    const count = counts[id] as number;
    out.push(
      count > 1 &&
        firstOfTemplate.get(id) === index &&
        line.trim() !== '' &&
        !frames.has(index) &&
        !details.has(index)
        ? `${shown} ${repeats(count, lines[lastOfTemplate.get(id) as number] as string)}`
        : shown,
    );
  }
  closeGap();
  flushFrames();

  const key = ctx.stash(text, { kind: 'log', count: lines.length });
  const dropped = lines.length - keep.size;
  // Lines with no level are the rest of the total; only levelled and error-worded lines are counted by name.
  const perLevel = [...omitted.entries()]
    .filter(([level]) => level !== 'other')
    .map(([level, n]) => `${n} ${level}`)
    .join(', ');
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
function infoBudget(text: string, options: LogOptions): number {
  return Math.max(options.minInfoChars, text.length * options.infoShare);
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
  { options, budget }: { options: LogOptions; budget: number },
): { keep: Set<number>; frames: Set<number>; headers: Set<number>; details: Set<number> } {
  const n = lines.length;
  const keep = new Set<number>();
  // Frame lines are shown by the trace rules alone, never as head, tail, shape or context.
  const traces = findStackTraces(lines);
  const frames = new Set<number>();
  const headers = new Set<number>();
  // Where an error happened and what differed: one place or value each, never an example of a template.
  const details = new Set<number>();
  for (const block of traces) {
    headers.add(block.start);
    for (let i = block.start + 1; i <= block.end; i++) frames.add(i);
  }
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
    const line = lines[index] as string;
    // A long line that would show only its blank start (padding before a far-right caret) says nothing.
    if (line.length > options.maxLineChars && line.slice(0, options.maxLineChars).trim() === '')
      return;
    const cost = Math.min(line.length, options.maxLineChars) + 1;
    if (spent + cost > budget) return;
    spent += cost;
    add(index);
  };

  // The head and tail, but not more than two lines of one template there (a run of GC lines says it once).
  const addEdge = (index: number): void => {
    if ((shown.get(ids[index] as number) ?? 0) < options.maxCopies && !frames.has(index))
      add(index);
  };
  for (let i = 0; i < Math.min(options.headLines, n); i++) addEdge(i);
  let last = n - 1;
  while (last > 0 && (lines[last] as string).trim() === '') last--;
  for (let i = last; i >= Math.max(0, last - options.tailLines + 1); i--) addEdge(i);

  // Summary lines and failing test names: each distinct one once, up to its cap.
  const listed = [
    { is: isSummaryLine, max: options.maxSummaryLines, seen: new Set<string>() },
    { is: isTestFailureLine, max: options.maxTestFailures, seen: new Set<string>() },
  ];
  for (const [index, line] of lines.entries()) {
    for (const { is, max, seen } of listed) {
      if (seen.size >= max || seen.has(line) || !is(line)) continue;
      seen.add(line);
      add(index);
    }
  }

  // Distinct traces, each frame shown once: a frame an earlier trace showed, and the runtime's own
  // frames below the top one, are left out and the gap says so. The cap counts frames shown.
  const seenTraces = new Set<string>();
  const seenFrames = new Set<string>();
  let framesLeft = options.maxTraces * options.traceLines;
  for (const block of traces) {
    if (framesLeft <= 0) break;
    const frameLines = lines.slice(block.start + 1, block.end + 1).map((l) => l.trim());
    const trace = frameLines.map(maskVariables).join('\n');
    if (seenTraces.has(trace)) continue;
    seenTraces.add(trace);
    add(block.start);
    let shownHere = 0;
    // The application's frames are shown; the runtime's own are only counted, unless the trace has no
    // other frame (then its top one says where it was thrown).
    const inApp = frameLines.some((frame) => !isRuntimeFrame(frame));
    for (const [offset, frame] of frameLines.entries()) {
      if (seenFrames.has(frame) || ((inApp || offset > 0) && isRuntimeFrame(frame))) continue;
      if (shownHere >= options.traceLines - 1 || framesLeft <= 0) break;
      seenFrames.add(frame);
      add(block.start + 1 + offset);
      shownHere++;
      framesLeft--;
    }
  }

  // First line of every notable template (and of a few of its wordings), with context that
  // shrinks as there are more of them.
  const notableFirst = new Map<number, number>();
  const notableVariants = new Map<number, Set<number>>();
  const notableLines: number[] = [];
  for (const [index, info] of infos.entries()) {
    if (!info.notable || frames.has(index)) continue;
    const id = ids[index] as number;
    if (!notableFirst.has(id)) notableFirst.set(id, index);
    const seen = notableVariants.get(id) ?? new Set<number>();
    notableVariants.set(id, seen);
    const variant = variants[index] as number;
    if (seen.size < options.notableVariants && !seen.has(variant)) {
      seen.add(variant);
      notableLines.push(index);
    }
  }
  const context =
    notableFirst.size <= 8 ? 3 : notableFirst.size <= 20 ? 2 : notableFirst.size <= 50 ? 1 : 0;
  for (const index of notableLines) add(index);
  const errors = infos.flatMap((info, index) =>
    (info.notable || isTestFailureLine(lines[index] as string)) && !frames.has(index)
      ? [index]
      : [],
  );
  for (const index of errorDetails(lines, errors, (i) => frames.has(i))) {
    add(index);
    details.add(index);
  }

  // One example of each of the most frequent ordinary templates, then context around errors, within the budget.
  const ordinaryFirst = new Map<number, number>();
  for (const [index, id] of ids.entries())
    if (!notableFirst.has(id) && !ordinaryFirst.has(id)) ordinaryFirst.set(id, index);
  const byFrequency = [...ordinaryFirst.entries()].sort(
    (a, b) => (counts[b[0]] as number) - (counts[a[0]] as number) || a[1] - b[1],
  );
  for (const [id, index] of byFrequency
    .filter(([, index]) => !frames.has(index))
    .slice(0, options.shapeTemplates))
    if (!shown.has(id)) addOrdinary(index);
  for (let c = 1; c <= context; c++) {
    for (const index of notableFirst.values()) {
      for (const near of [index - c, index + c]) {
        if ((shown.get(ids[near] as number) ?? 0) < options.maxCopies && !frames.has(near))
          addOrdinary(near);
      }
    }
  }
  return { keep, frames, headers, details };
}
