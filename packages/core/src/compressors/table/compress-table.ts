import { formatMarker } from '../../ccr/marker.js';
import type { CompressorContext, CompressorOutput } from '../../types.js';
import { selectRows } from '../json/index.js';
import { parseTable, type ParsedTable } from './parse-table.js';

const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?$/;

/**
 * Table compressor: a Markdown table or a CSV/TSV document is parsed into row objects, SmartCrusher
 * picks the rows worth showing (head and tail, distinct errors, outliers, anomalies, change points,
 * query matches), and those rows are written back in the table's own format — CSV rows verbatim,
 * Markdown rows without their alignment padding. Dropped rows go to CCR behind one marker.
 */
export function compressTable(text: string, ctx: CompressorContext): CompressorOutput {
  const table = parseTable(text);
  if (!table) return { text };
  const rows = table.rows.map((cells) => rowObject(table.header, cells));
  const selection = selectRows(rows, ctx);
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

/** Cells as a row object; cells that print back exactly as numbers become numbers, for SmartCrusher's statistics. */
function rowObject(
  header: readonly string[],
  cells: readonly string[],
): Record<string, string | number> {
  const row: Record<string, string | number> = {};
  for (const [i, cell] of cells.entries()) {
    const name = header[i] || `column ${i + 1}`;
    const key = name in row ? `${name} (${i + 1})` : name;
    row[key] = NUMBER.test(cell) && String(Number(cell)) === cell ? Number(cell) : cell;
  }
  return row;
}

function render(table: ParsedTable, kept: readonly number[]): string {
  if (table.format !== 'markdown')
    return [table.rawHeader, ...kept.map((i) => table.rawRows[i] as string)].join('\n');
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
