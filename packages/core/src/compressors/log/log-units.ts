import { rankByRelevance } from '../../relevance/bm25-index.js';
import type { Ranker, UnitSplitter } from '../../types.js';
import { findStackTraces, type TraceBlock } from './stack-traces.js';

/**
 * Retrieval units of a stored log: its non-blank lines, each stack trace as one unit. A long trace
 * would lose any BM25 ranking to the short lines around it, so when the line that best matches the
 * query is inside a trace, the units are just the traces the query matches — the model gets them whole.
 */
export const logUnits: UnitSplitter = (original, _meta, query, { rank = rankByRelevance } = {}) => {
  const lines = original.split('\n');
  const traces = findStackTraces(lines);
  if (query && traces.length > 0) {
    const matched = tracesMatching({ lines, traces, query, rank });
    if (matched) return matched;
  }
  const units: string[] = [];
  let next = 0;
  const pushLines = (until: number): void => {
    for (; next < until; next++)
      if ((lines[next] as string).trim() !== '') units.push(lines[next] as string);
  };
  for (const block of traces) {
    pushLines(block.start);
    units.push(traceText(lines, block));
    next = block.end + 1;
  }
  pushLines(lines.length);
  return units;
};

/** The traces holding the lines that match the query, when the best-matching line is in one. */
function tracesMatching({
  lines,
  traces,
  query,
  rank,
}: {
  lines: readonly string[];
  traces: readonly TraceBlock[];
  query: string;
  rank: Ranker;
}): string[] | undefined {
  const ranked = rank(lines, query);
  const traceOf = (index: number) => traces.find((t) => index >= t.start && index <= t.end);
  if (ranked.length === 0 || !traceOf(ranked[0] as number)) return undefined;
  const hit = new Set<TraceBlock>();
  for (const index of ranked) {
    const trace = traceOf(index);
    if (trace) hit.add(trace);
  }
  return traces.filter((t) => hit.has(t)).map((t) => traceText(lines, t));
}

function traceText(lines: readonly string[], block: TraceBlock): string {
  return lines.slice(block.start, block.end + 1).join('\n');
}
