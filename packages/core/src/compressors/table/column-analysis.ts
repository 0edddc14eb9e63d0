import { isErrorEntry } from '../json/error-items.js';
import { finishStats, type FieldStats, valueKey } from '../json/field-stats.js';
import { isCodeField, leafText, templateText } from '../json/item-view.js';
import type { ItemAnalysis } from '../json/plan-keep.js';
import { rowItems } from './row-bigrams.js';
import { rowTemplates } from './row-templates.js';
import type { Field, TableRows } from './table-rows.js';

/**
 * SmartCrusher's analysis of a table read from its columns: field statistics from each field's
 * distinct values and their counts, and each distinct value's template part and failure check worked
 * out once — the same results as reading every row's view, without building one.
 */
export function columnAnalysis(rows: TableRows): ItemAnalysis {
  const { fields, layouts } = rows;
  const byKey = new Map(fields.map((field, index) => [field.key, index]));
  // A template part is an id: equal texts of one field share it, parts of other fields never do.
  const partIds = fields.map(() => new Map<string, number>());
  const codes = fields.map((field) => isCodeField(field.key));
  let parts = 0;
  const partOf = (field: number, id: number): number => {
    const cell = fields[field]!.cells[id]!;
    if (cell.part === -1) {
      const ids = partIds[field]!;
      const text = templateText(cell.leaf, codes[field]!);
      let part = ids.get(text);
      if (part === undefined) ids.set(text, (part = parts++));
      cell.part = part;
    }
    return cell.part;
  };
  return {
    items: rowItems(rows),
    stats: () => fields.map((field) => columnStats(field, rows.length)),
    templates: (skip) => rowTemplates(rows, skip, partOf),
    errors: () => failingRows(rows),
    leaf(index, path) {
      const field = fields[byKey.get(path) ?? -1];
      const id = field ? field.ids[index]! : -1;
      return id === -1 ? undefined : field!.cells[id]!.leaf;
    },
    texts: () =>
      layouts.map((layout, index) =>
        layout.fields
          .map((field) => leafText(fields[field]!.cells[fields[field]!.ids[index]!]!.leaf))
          .join(' '),
      ),
  };
}

/** A field's {@link FieldStats} from its distinct values and their counts. */
function columnStats(field: Field, n: number): FieldStats {
  let kind: FieldStats['kind'] = 'null';
  let lengthSum = 0;
  let strings = 0;
  let numeric = false;
  for (const { leaf, count } of field.cells) {
    kind = kind === 'null' || kind === leaf.t ? leaf.t : 'mixed';
    if (leaf.t === 'number') numeric = true;
    else {
      lengthSum += leaf.v.length * count;
      strings += count;
    }
  }
  const numbers = new Array<number | undefined>(n).fill(undefined);
  if (numeric)
    for (let row = 0; row < n; row++) {
      const id = field.ids[row]!;
      const leaf = id === -1 ? undefined : field.cells[id]!.leaf;
      if (leaf?.t === 'number') numbers[row] = leaf.v;
    }
  let values: Map<string, number> | undefined;
  return finishStats({
    path: field.key,
    present: field.present,
    kind,
    distinct: field.cells.length,
    values: () => {
      values ??= new Map(field.cells.map(({ leaf, count }) => [valueKey(leaf), count]));
      return values;
    },
    firstStrings: (limit) => {
      const out: string[] = [];
      for (const { leaf } of field.cells) {
        if (out.length >= limit) break;
        if (leaf.t === 'string') out.push(leaf.v);
      }
      return out;
    },
    numbers,
    lengthSum,
    strings,
  });
}

/** The rows reporting a failure: those holding a value that reports one in its field. */
function failingRows(rows: TableRows): number[] {
  const failing = rows.fields.filter((field) => {
    let any = false;
    for (const cell of field.cells) {
      cell.error ??= isErrorEntry(field.key, cell.leaf);
      any ||= cell.error;
    }
    return any;
  });
  const out: number[] = [];
  if (failing.length === 0) return out;
  for (let row = 0; row < rows.length; row++)
    if (
      failing.some((field) => {
        const id = field.ids[row]!;
        return id !== -1 && field.cells[id]!.error;
      })
    )
      out.push(row);
  return out;
}
