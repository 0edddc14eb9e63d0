import { mix } from '../json/id-pair-set.js';
import type { RowLayout, TableRows } from './table-rows.js';

/**
 * Each row's template as an id, its parts those of its fields not in `skip` (`part` gives a field's
 * value's part id): rows share an id exactly where their parts are the same, in the same order —
 * where their template texts are equal — without writing a text per row.
 */
export function rowTemplates(
  rows: TableRows,
  skip: ReadonlySet<string>,
  part: (field: number, id: number) => number,
): number[] {
  const { fields, layouts } = rows;
  const shownOf = new Map<RowLayout, number[]>();
  /** Per template: where its parts start in `pool`, how many, the one before of its hash (-1: none). */
  const starts: number[] = [];
  const lengths: number[] = [];
  const sameHash: number[] = [];
  const pool: number[] = [];
  /** The last template of each hash. */
  const byHash = new Map<number, number>();
  const templates = new Array<number>(rows.length);
  let current = new Int32Array(16);
  let layout: RowLayout | undefined;
  let shown: number[] = [];
  for (let row = 0; row < rows.length; row++) {
    if (layouts[row] !== layout) {
      layout = layouts[row]!;
      let fieldsShown = shownOf.get(layout);
      if (!fieldsShown) {
        fieldsShown = layout.fields.filter((field) => !skip.has(fields[field]!.key));
        shownOf.set(layout, fieldsShown);
        if (fieldsShown.length > current.length) current = new Int32Array(fieldsShown.length);
      }
      shown = fieldsShown;
    }
    let hash = shown.length;
    for (let i = 0; i < shown.length; i++) {
      const field = shown[i]!;
      current[i] = part(field, fields[field]!.ids[row]!);
      hash = mix(hash ^ current[i]!);
    }
    const last = byHash.get(hash) ?? -1;
    let template = last;
    while (
      template !== -1 &&
      !(
        lengths[template] === shown.length &&
        sameParts(pool, starts[template]!, current, shown.length)
      )
    )
      template = sameHash[template]!;
    if (template === -1) {
      template = starts.length;
      starts.push(pool.length);
      lengths.push(shown.length);
      sameHash.push(last);
      for (let i = 0; i < shown.length; i++) pool.push(current[i]!);
      byHash.set(hash, template);
    }
    templates[row] = template;
  }
  return templates;
}

function sameParts(
  pool: readonly number[],
  start: number,
  parts: Int32Array,
  length: number,
): boolean {
  for (let i = 0; i < length; i++) if (pool[start + i] !== parts[i]) return false;
  return true;
}
