import { isErrorEntry } from '../json/error-items.js';
import { finishStats, type FieldStats } from '../json/field-stats.js';
import { isCodeField, MAX_FIELDS, TEMPLATE_SEPARATOR, templatePart } from '../json/item-view.js';
import { type ItemAnalysis, viewAnalysis } from '../json/plan-keep.js';
import { rowItems } from './row-bigrams.js';
import type { TableRows } from './table-rows.js';

/**
 * SmartCrusher's analysis of a table read from its columns: field statistics from each column's
 * distinct values and their counts, and each distinct value's template part and failure check worked
 * out once — the same results as reading every row's view. Rows of several widths (or of more
 * columns than a view tracks) are read from their views, but for adaptive-k.
 */
export function columnAnalysis(rows: TableRows): ItemAnalysis {
  const items = rowItems(rows);
  const layout = rows.layouts[0];
  if (!layout || rows.layouts.some((other) => other !== layout) || layout.keys.length > MAX_FIELDS)
    return { ...viewAnalysis(rows.views), items };
  const n = rows.views.length;
  return {
    items,
    stats: () =>
      layout.keys.map(([path], entry): FieldStats => {
        const values = new Map<string, number>();
        let kind: FieldStats['kind'] = 'null';
        let lengthSum = 0;
        let strings = 0;
        let numeric = false;
        for (const cell of layout.values[entry]!.values()) {
          const leaf = cell.entry[1];
          values.set(`${leaf.t}:${leaf.t === 'number' ? leaf.raw : leaf.v}`, cell.count);
          kind = kind === 'null' || kind === leaf.t ? leaf.t : 'mixed';
          if (leaf.t === 'number') numeric = true;
          else {
            lengthSum += leaf.v.length * cell.count;
            strings += cell.count;
          }
        }
        const numbers = new Array<number | undefined>(n).fill(undefined);
        if (numeric)
          rows.cells.forEach((cells, index) => {
            const leaf = cells[entry]!.entry[1];
            if (leaf.t === 'number') numbers[index] = leaf.v;
          });
        return finishStats({ path, present: n, kind, values, numbers, lengthSum, strings });
      }),
    templates: (skip) => {
      const shown = layout.keys.flatMap(([path], entry) =>
        skip.has(path) ? [] : [{ path, entry, code: isCodeField(path) }],
      );
      return rows.cells.map((cells) => {
        const parts: string[] = [];
        for (const { path, entry, code } of shown) {
          const cell = cells[entry]!;
          cell.template ??= templatePart(path, cell.entry[1], code);
          parts.push(cell.template);
        }
        return parts.join(TEMPLATE_SEPARATOR);
      });
    },
    isError: (index) =>
      rows.cells[index]!.some((cell) => {
        cell.error ??= isErrorEntry(cell.entry[0], cell.entry[1]);
        return cell.error;
      }),
  };
}
