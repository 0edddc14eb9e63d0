import { formatMarker } from '../../ccr/marker.js';
import type { CompressorContext, CompressorOutput } from '../../types.js';
import { compactCommitHeaders } from './commit-header.js';

/** Files of one commit's `--stat` shown: those with the most changed lines, in their order. */
const MAX_STAT_FILES = 20;
/** ` src/a.ts | 12 +++--`, ` logo.png | Bin 0 -> 812 bytes`: one file of a `--stat`. */
const STAT_LINE = /^ \S.*? +\| +(?:\d+(?: [+-]*)?|Bin .*)$/;

/**
 * `git log` and `git log --stat` with no patches: each commit header shrinks to hash, author, date and
 * subject (the rest of the message is counted), and a long stat keeps its most changed files and its
 * `N files changed` line. The original goes to CCR.
 */
export function compressCommitLog(text: string, ctx: CompressorContext): CompressorOutput {
  const compact = compactCommitHeaders(text.split('\n'));
  if (compact.commits === 0) return { text };
  const out: string[] = [];
  let statOmitted = 0;
  let stat: string[] = [];
  const flushStat = (): void => {
    const kept = mostChanged(stat, MAX_STAT_FILES);
    out.push(...stat.filter((_, i) => kept.has(i)));
    if (stat.length > kept.size)
      out.push(` [… ${stat.length - kept.size} more files of this stat omitted]`);
    statOmitted += stat.length - kept.size;
    stat = [];
  };
  for (const line of compact.lines) {
    if (STAT_LINE.test(line)) {
      stat.push(line);
      continue;
    }
    flushStat();
    out.push(line);
  }
  flushStat();
  const emitted = out.join('\n');
  if (emitted.length >= text.length) return { text };
  const key = ctx.stash(text, { kind: 'diff', count: compact.commits });
  const commits = `${compact.commits} commit${compact.commits === 1 ? '' : 's'}`;
  const note = `full messages of ${commits}${statOmitted > 0 ? ` and ${statOmitted} stat lines` : ''} omitted`;
  return { text: `${emitted}\n${formatMarker(key, note)}`, strategy: 'diff:commits' };
}

/** Indexes of the `limit` stat lines with the most changed lines (earlier first on a tie). */
function mostChanged(stat: readonly string[], limit: number): Set<number> {
  if (stat.length <= limit) return new Set(stat.keys());
  const changes = (line: string): number => Number(/\| +(\d+)/.exec(line)?.[1] ?? 0);
  const order = [...stat.keys()].sort((a, b) => changes(stat[b]!) - changes(stat[a]!) || a - b);
  return new Set(order.slice(0, limit));
}
