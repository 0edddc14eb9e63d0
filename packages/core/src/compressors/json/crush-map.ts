import type { CrushState } from './crush-state.js';
import { droppedMarker, droppedNote } from './dropped-marker.js';
import { itemView } from './item-view.js';
import type { JsonNode, ObjectNode } from './json-node.js';
import { planKeep, viewAnalysis } from './plan-keep.js';
import { toJson } from './serialize-json.js';

/** A map's values are records up to this many nodes; a map of bigger subtrees is walked into instead. */
const MAX_RECORD_NODES = 500;

/** The key that marks what a crushed map dropped; a map already holding it is left alone. */
const MARKER_KEY = '_headroom';

/**
 * Crushes an object used as a map of records — `{"node_modules/x": {version, resolved, …}, …}` —
 * as an array of records is crushed: the keep plan runs over the values, each seen with its key as an
 * `@key` field so the query and outliers can point at keys; the kept entries are walked and stay in
 * their order, and a `_headroom` entry says how many were dropped and how to get them back. Values
 * that are big subtrees (a dependency tree's) are kept and walked into, so their inner maps are
 * crushed; the records beside them are planned, and what is stashed is the map of those records
 * (the whole original when there are no big values). `undefined` when the object is no such map or
 * nothing should be dropped.
 */
export function crushMap(
  node: ObjectNode,
  state: CrushState,
  walk: (value: JsonNode) => JsonNode,
): JsonNode | undefined {
  const { entries } = node;
  if (entries.length <= state.options.keepAllUpTo || !hasRecordShape(node)) return undefined;
  const small = entries.filter(
    ([, value]) => nodeCount(value, MAX_RECORD_NODES) <= MAX_RECORD_NODES,
  );
  if (small.length <= state.options.keepAllUpTo) return undefined;
  const records = small.map(
    ([key, value]): JsonNode => ({
      t: 'object',
      entries: [['@key', { t: 'string', v: key }], ...(value as ObjectNode).entries],
    }),
  );
  const plan = planKeep(viewAnalysis(records.map(itemView)), state.ctx.query, state.options);
  if (!plan.keep) return undefined;
  const dropped = new Set(small);
  for (const index of plan.keep) dropped.delete(small[index]!);
  const kept = entries
    .filter((entry) => !dropped.has(entry))
    .map(([key, value]): [string, JsonNode] => [key, walk(value)]);
  const original =
    small.length === entries.length ? node : { t: 'object' as const, entries: small };
  const key = state.ctx.stash(toJson(original), { kind: 'json', count: small.length });
  const note = droppedNote(dropped.size, plan.repeats, records);
  state.actions.add('crush');
  return { t: 'object', entries: [...kept, [MARKER_KEY, droppedMarker(key, note, false)]] };
}

/** Distinct keys, none of them the marker's, and every value an object. */
function hasRecordShape(node: ObjectNode): boolean {
  const keys = new Set<string>();
  for (const [key, value] of node.entries) {
    if (value.t !== 'object' || key === MARKER_KEY || keys.has(key)) return false;
    keys.add(key);
  }
  return true;
}
/** Nodes in `root`, counted up to one past `max` (an iterative walk: depth is unbounded). */
function nodeCount(root: JsonNode, max: number): number {
  let count = 0;
  const stack: JsonNode[] = [root];
  while (stack.length > 0 && count <= max) {
    const node = stack.pop()!;
    count++;
    if (node.t === 'object') for (const [, value] of node.entries) stack.push(value);
    else if (node.t === 'array') for (const item of node.items) stack.push(item);
  }
  return count;
}
