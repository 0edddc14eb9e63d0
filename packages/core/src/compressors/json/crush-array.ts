import type { ArrayNode, JsonNode, ObjectNode } from './json-node.js';
import { droppedMarker, droppedNote } from './dropped-marker.js';
import { itemView } from './item-view.js';
import { planKeep, viewAnalysis } from './plan-keep.js';
import { renderTable } from './render-table.js';
import { toJson } from './serialize-json.js';
import { tokenCost, type CrushState } from './crush-state.js';

/** The crushed form of an array; `table` is set when it became a lossless table (`node` then holds it as a string). */
export interface CrushedArray {
  node: JsonNode;
  table?: string;
}

/**
 * Crushes one array. Arrays of objects first try a lossless table, used when it saves enough and
 * fits the lossless budget (or when the array may not be crushed); otherwise — and for arrays of
 * strings, numbers or a mix — the keep plan picks the items to show, the full original is stashed
 * and one marker element says how many were omitted. `walk` processes each item kept;
 * `standalone` says the table would be the whole output rather than a JSON string inside it.
 */
export function crushArray(
  node: ArrayNode,
  state: CrushState,
  walk: (item: JsonNode) => JsonNode,
  standalone: boolean,
): CrushedArray {
  const { items } = node;
  const walked = (): JsonNode => {
    const out = items.map(walk);
    return out.every((item, i) => item === items[i]) ? node : { t: 'array', items: out };
  };
  if (items.length < state.options.minItems) return { node: walked() };
  const objects = items.every((item) => item.t === 'object');
  // Arrays of arrays are walked into (each inner array gets its own chance); so are bool/null lists.
  const plannable =
    objects ||
    (items.some((item) => item.t === 'string' || item.t === 'number') &&
      !items.some((item) => item.t === 'array' || item.t === 'raw'));
  if (!plannable) return { node: walked() };

  // Each item's JSON is written once, in its view: the array's JSON (to stash, to cost) joins them,
  // and so does that of the walked items where walking left an item as it was.
  const views = items.map(itemView);
  const itemJson = (index: number, node: JsonNode): string =>
    node === items[index] ? views[index]!.json : toJson(node);
  let processed: JsonNode[] | undefined;
  // A table that saves enough but is still big is only the fallback: crushing a big repetitive
  // array saves far more, and what it drops stays retrievable.
  let bigTable: string | undefined;
  if (objects) {
    processed = items.map(walk);
    const table = renderTable(processed as ObjectNode[]);
    if (table) {
      const tableCost = tokenCost(state, standalone ? table : JSON.stringify(table));
      const jsonCost = tokenCost(state, jsonArray(processed.map((node, i) => itemJson(i, node))));
      if (tableCost <= jsonCost * (1 - state.options.losslessMinSavings)) {
        if (tableCost <= state.options.losslessMaxTokens) return asTable(table, state);
        bigTable = table;
      }
    }
  }

  const plan = planKeep(viewAnalysis(views), state.ctx.query, state.options);
  if (!plan.keep) {
    if (bigTable) return asTable(bigTable, state);
    return { node: processed ? { t: 'array', items: processed } : walked() };
  }
  const kept = plan.keep.map((index) => (processed ? processed[index]! : walk(items[index]!)));
  if (bigTable) {
    const keptJson = jsonArray(plan.keep.map((index, i) => itemJson(index, kept[i]!)));
    if (tokenCost(state, keptJson) >= tokenCost(state, bigTable)) return asTable(bigTable, state);
  }
  const key = state.ctx.stash(jsonArray(views.map((view) => view.json)), {
    kind: 'json',
    count: items.length,
  });
  const note = droppedNote(items.length - plan.keep.length, plan.repeats, items);
  state.actions.add('crush');
  return { node: { t: 'array', items: [...kept, droppedMarker(key, note, objects)] } };
}

/** Compact JSON of an array from its items' JSON. */
function jsonArray(itemsJson: readonly string[]): string {
  return `[${itemsJson.join(',')}]`;
}

function asTable(table: string, state: CrushState): CrushedArray {
  state.actions.add('table');
  return { node: { t: 'string', v: table }, table };
}
