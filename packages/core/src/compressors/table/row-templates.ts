import { hashSlots } from '../../util/hash-slots.js';
import { withRoom } from '../../util/with-room.js';
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
  // At most one list a row, of at most every field: sized for that, the parts within a budget.
  const interned = createPartLists(rows.length, Math.min(rows.length * fields.length, 1 << 16));
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
    for (let i = 0; i < shown.length; i++) {
      const field = shown[i]!;
      current[i] = part(field, fields[field]!.ids[row]!);
    }
    templates[row] = interned.idOf(current, shown.length);
  }
  return templates;
}

/**
 * An interner of at most `lists` lists of part ids, in flat typed arrays (one hash table of list ids,
 * no Map), sized for them up front; the pool of their parts grows past `parts`.
 */
function createPartLists(
  lists: number,
  parts: number,
): { idOf(parts: Int32Array, length: number): number } {
  let count = 0;
  /** Per list: its hash, where its parts start in `pool` and how many. */
  const hashes = new Int32Array(lists);
  const starts = new Int32Array(lists);
  const lengths = new Int32Array(lists);
  let pool = new Int32Array(Math.max(64, parts));
  let used = 0;
  /** List ids by hash, open addressing, at most half full; -1 marks an empty slot. */
  const table = new Int32Array(hashSlots(lists, 0.5, 64)).fill(-1);
  const mask = table.length - 1;

  const same = (list: number, parts: Int32Array, length: number): boolean => {
    if (lengths[list] !== length) return false;
    const start = starts[list]!;
    for (let i = 0; i < length; i++) if (pool[start + i] !== parts[i]) return false;
    return true;
  };
  return {
    idOf(parts, length) {
      let hash = length;
      for (let i = 0; i < length; i++) hash = mix(hash ^ parts[i]!);
      let slot = hash & mask;
      for (let list = table[slot]!; list !== -1; list = table[slot]!) {
        if (hashes[list] === hash && same(list, parts, length)) return list;
        slot = (slot + 1) & mask;
      }
      const list = count++;
      pool = withRoom(pool, used + length);
      for (let i = 0; i < length; i++) pool[used + i] = parts[i]!;
      hashes[list] = hash;
      starts[list] = used;
      lengths[list] = length;
      used += length;
      table[slot] = list;
      return list;
    },
  };
}
