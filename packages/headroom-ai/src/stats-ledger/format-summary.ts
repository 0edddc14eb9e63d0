import type { LedgerRow, LedgerSummary } from './summarize-ledger.js';

const int = (n: number) => n.toLocaleString('en-US');
const pct = (before: number, saved: number) =>
  `${before === 0 ? '0.0' : ((100 * saved) / before).toFixed(1)}%`;

function table(title: string, rows: readonly LedgerRow[]): string[] {
  if (rows.length === 0) return [];
  const header = [title, 'calls', 'before', 'after', 'saved', 'saved %'];
  const body = rows.map((r) => [
    r.name,
    int(r.compressions),
    int(r.tokensBefore),
    int(r.tokensAfter),
    int(r.tokensSaved),
    pct(r.tokensBefore, r.tokensSaved),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return ['', line(header), ...body.map(line)];
}

/** The human-readable report of `headroom stats`. */
export function formatSummary(summary: LedgerSummary): string {
  const window = summary.since ? `since ${summary.since}` : 'all time';
  if (summary.compressions === 0) return `No compressions recorded (${window}).`;
  const cost = `$${summary.estimatedCostSavedUsd.toFixed(summary.estimatedCostSavedUsd < 1 ? 4 : 2)}`;
  const unpriced =
    summary.unpricedTokensSaved > 0
      ? ` (${int(summary.unpricedTokensSaved)} saved tokens of unlisted models not priced)`
      : '';
  return [
    `Headroom stats, ${window}: ${int(summary.compressions)} compressions`,
    `tokens ${int(summary.tokensBefore)} → ${int(summary.tokensAfter)}, saved ${int(summary.tokensSaved)} (${pct(summary.tokensBefore, summary.tokensSaved)}, ratio ${summary.ratio.toFixed(3)})`,
    `estimated input cost saved ${cost} at list prices${unpriced}`,
    ...table('content type', summary.byKind),
    ...table('compressor', summary.byCompressor),
    ...table('model', summary.byModel),
    ...table('source', summary.bySource),
  ].join('\n');
}
