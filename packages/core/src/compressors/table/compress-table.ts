import { formatMarker } from '../../ccr/marker.js';
import type { CompressorContext, CompressorOutput } from '../../types.js';
import { selectAnalyzed, selectRowNodes } from '../json/index.js';
import { parseTable, type ParsedTable } from './parse-table.js';
import { columnAnalysis } from './column-analysis.js';
import { rowNodes, tableRows } from './table-rows.js';

/**
 * Table compressor: a Markdown table, a CSV/TSV document or space-aligned columns (`ps aux`, `kubectl
 * get`, `pip list`) are parsed into row objects, SmartCrusher picks the rows worth showing (head and
 * tail, distinct errors, outliers, anomalies, change points, query matches), and those rows are written
 * back in the table's own format — CSV and aligned rows verbatim, Markdown rows without their alignment
 * padding. Dropped rows go to CCR behind one marker.
 */
export function compressTable(text: string, ctx: CompressorContext): CompressorOutput {
  const table = parseTable(text);
  if (!table) return { text };
  const rows = tableRows(table);
  const selection = rows
    ? selectAnalyzed(columnAnalysis(rows), ctx)
    : selectRowNodes(rowNodes(table), ctx);
  const kept = selection.dropped ? selection.keep : table.rows.map((_, i) => i);
  const body = render(table, kept);
  if (!selection.dropped) {
    // Nothing dropped: only Markdown padding can go, which loses no content.
    return body.length < text.length ? { text: body, strategy: 'table:compact' } : { text };
  }
  const key = ctx.stash(text, { kind: 'table', count: table.rows.length });
  const omitted = table.rows.length - kept.length;
  const note = `${omitted} of ${table.rows.length} rows omitted (kept: ${selection.reason.replace(/_/g, ' ')})`;
  const [head, tail] = splitAround(body, table);
  return {
    text: `${head}\n${formatMarker(key, note)}${tail}`,
    strategy: `table:${table.format}+smart_crush`,
  };
}

function render(table: ParsedTable, kept: readonly number[]): string {
  if (table.format !== 'markdown')
    return [table.before, table.rawHeader, ...kept.map((i) => table.rawRows[i] as string)]
      .filter((part, i) => i > 0 || part !== '')
      .join('\n');
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rows = [
    line(table.header),
    `|${table.align.map((a) => ` ${a} |`).join('')}`,
    ...kept.map((i) => line(table.rows[i] as string[])),
  ];
  return [table.before, rows.join('\n'), table.after]
    .filter((part, i) => i === 1 || part !== '')
    .join('\n');
}

/** The rendered table and the text after it, so the marker sits right under the table. */
function splitAround(body: string, table: ParsedTable): [string, string] {
  if (table.format !== 'markdown' || table.after === '') return [body, ''];
  const cut = body.length - table.after.length - 1;
  return [body.slice(0, cut), body.slice(cut)];
}
