import { entryErrorCheck } from '../json/error-items.js';
import { finishStats, type FieldStats } from '../json/field-stats.js';
import { isCodeField, templateText } from '../json/item-view.js';
import type { ItemAnalysis } from '../json/plan-keep.js';
import { rowItems } from './row-bigrams.js';
import { rowTemplates } from './row-templates.js';
import { createTextIds } from './text-ids.js';
import { type Field, type Leaf, leafOf, type TableRows } from './table-rows.js';

const MINUS = 0x2d;

/**
 * SmartCrusher's analysis of a table read from its columns: field statistics from each field's
 * distinct values and their counts, and each distinct value's template part and failure check worked
 * out once — the same results as reading every row's view, without building one.
 */
export function columnAnalysis(rows: TableRows): ItemAnalysis {
  const { fields, layouts } = rows;
  const byKey = new Map(fields.map((field, index) => [field.key, index]));
  // A template part is an id: equal texts of one field share it (the text's id among the field's
  // template texts, times the field count, plus the field), parts of other fields never do.
  const partIds = fields.map((field) => createTextIds(field.texts.length));
  const codes = fields.map((field) => isCodeField(field.key));
  // Per field and distinct value: its part (-1: not worked out yet).
  let partOfValue: Int32Array[] | undefined;
  const partOf = (field: number, id: number): number => {
    partOfValue ??= fields.map((f) => new Int32Array(f.texts.length).fill(-1));
    const known = partOfValue[field]!;
    if (known[id] === -1) {
      const ids = partIds[field]!;
      const { texts, numbers } = fields[field]!;
      const text =
        // A number is its own printed form, whose exponent is written with a lowercase e.
        codes[field] || Number.isNaN(numbers[id]!) || texts[id]!.includes('e')
          ? templateText(texts[id]!, codes[field]!)
          : // A number printed without an exponent masks to its sign and one placeholder.
            texts[id]!.charCodeAt(0) === MINUS
            ? '-<N>'
            : '<N>';
      known[id] = ids.idOf(text) * fields.length + field;
    }
    return known[id]!;
  };
  const leaves: Leaf[][] = [];
  return {
    items: rowItems(rows),
    stats: () => fields.map((field) => columnStats(field, rows.length)),
    templates: (skip) => rowTemplates(rows, skip, partOf),
    errors: () => failingRows(rows),
    leaf(index, path) {
      const at = byKey.get(path) ?? -1;
      const id = at === -1 ? -1 : fields[at]!.ids[index]!;
      if (id === -1) return undefined;
      // Outlier checks read a categorical field's few values in every row: each is made once.
      const made = (leaves[at] ??= []);
      return (made[id] ??= leafOf(fields[at]!, id));
    },
    holders: (paths) =>
      paths.map((path) => {
        const holders: number[] = [];
        const at = byKey.get(path);
        if (at !== undefined) {
          const { ids } = fields[at]!;
          for (let row = 0; row < rows.length; row++) if (ids[row] !== -1) holders.push(row);
        }
        return holders;
      }),
    texts: () =>
      layouts.map((layout, index) =>
        layout.fields.map((field) => fields[field]!.texts[fields[field]!.ids[index]!]!).join(' '),
      ),
  };
}

/** A field's {@link FieldStats} from its distinct values and their counts. */
function columnStats(field: Field, n: number): FieldStats {
  const { texts, numbers: values, counts } = field;
  let kind: FieldStats['kind'] = 'null';
  let lengthSum = 0;
  let strings = 0;
  let numeric = false;
  for (let id = 0; id < texts.length; id++) {
    const t = Number.isNaN(values[id]!) ? 'string' : 'number';
    kind = kind === 'null' || kind === t ? t : 'mixed';
    if (t === 'number') numeric = true;
    else {
      lengthSum += texts[id]!.length * counts[id]!;
      strings += counts[id]!;
    }
  }
  // Empty when no row holds a number, as a view's field stats have it.
  const numbers: Array<number | undefined> = numeric ? new Array(n).fill(undefined) : [];
  if (numeric)
    for (let row = 0; row < n; row++) {
      const id = field.ids[row]!;
      if (id !== -1 && !Number.isNaN(values[id]!)) numbers[row] = values[id]!;
    }
  let byValue: Map<string, number> | undefined;
  return finishStats({
    path: field.key,
    present: field.present,
    kind,
    distinct: texts.length,
    // valueKey of each distinct value: its type, then its text.
    values: () => {
      byValue ??= new Map(
        texts.map((text, id) => [
          `${Number.isNaN(values[id]!) ? 'string' : 'number'}:${text}`,
          counts[id]!,
        ]),
      );
      return byValue;
    },
    firstStrings: (limit) => {
      const out: string[] = [];
      for (let id = 0; id < texts.length && out.length < limit; id++)
        if (Number.isNaN(values[id]!)) out.push(texts[id]!);
      return out;
    },
    numbers,
    lengthSum,
    strings,
  });
}

/** The rows reporting a failure: those holding a value that reports one in its field. */
function failingRows(rows: TableRows): number[] {
  const failing: Array<{ ids: Int32Array; error: Uint8Array }> = [];
  for (const field of rows.fields) {
    const { texts, numbers } = field;
    const isError = entryErrorCheck(field.key);
    const error = new Uint8Array(texts.length);
    let any = false;
    for (let id = 0; id < error.length; id++)
      if (isError(Number.isNaN(numbers[id]!) ? texts[id]! : numbers[id]!)) {
        error[id] = 1;
        any = true;
      }
    if (any) failing.push({ ids: field.ids, error });
  }
  const out: number[] = [];
  if (failing.length === 0) return out;
  for (let row = 0; row < rows.length; row++)
    if (
      failing.some(({ ids, error }) => {
        const id = ids[row]!;
        return id !== -1 && error[id] === 1;
      })
    )
      out.push(row);
  return out;
}
