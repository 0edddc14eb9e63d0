import type { JsonNode } from './json-node.js';
import { leafText, type ItemView } from './item-view.js';

/** What one field (a dotted leaf path) looks like across an array. */
export interface FieldStats {
  path: string;
  /** Items that have the field (null included). */
  present: number;
  /** Type of the non-null values; `mixed` when they disagree, `null` when all are null. */
  kind: 'number' | 'string' | 'boolean' | 'null' | 'complex' | 'mixed';
  /** How many distinct values (by type and text) it has. */
  distinct: number;
  /**
   * Its distinct values (keyed by {@link valueKey}) and each one's count, in order of first
   * appearance: made when asked for (a table's column makes it from its distinct cells).
   */
  values(): ReadonlyMap<string, number>;
  /** Its first `limit` distinct string values, in order of first appearance. */
  firstStrings(limit: number): string[];
  uniqueRatio: number;
  /** Per item index: the number, when the field is numeric there (empty when it is nowhere). */
  numbers: Array<number | undefined>;
  mean: number;
  /** Sample standard deviation of the numbers (0 with fewer than two). */
  std: number;
  /** Average length of string values. */
  avgLength: number;
}

function kindOf(node: JsonNode): FieldStats['kind'] {
  switch (node.t) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'null':
      return node.t;
    default:
      return 'complex';
  }
}

/** Value identity for distinct counts: type plus text, so `1` and `"1"` differ. */
export function valueKey(node: JsonNode): string {
  return `${node.t}:${leafText(node)}`;
}

/** A field's statistics while its items are read. */
interface Tally extends Pick<FieldStats, 'path' | 'present' | 'kind' | 'numbers'> {
  /** Distinct values and their counts, keyed as `type` says. */
  values: Map<string, number>;
  lengthSum: number;
  strings: number;
  /**
   * The node type all values so far share, whose values are then counted by their text alone (no
   * key string made per value); `undefined` once types mix and `values` holds {@link valueKey}s.
   */
  type: JsonNode['t'] | undefined;
}

/** The numbers of a field that has none: no item has a number there, as an empty array says. */
const NO_NUMBERS: Array<number | undefined> = [];

/** Statistics of every field, in order of first appearance. */
export function fieldStats(views: readonly ItemView[]): FieldStats[] {
  const byPath = new Map<string, Tally>();
  views.forEach((view, index) => {
    for (const [path, leaf] of view.fields) {
      let stats = byPath.get(path);
      if (!stats) {
        stats = {
          path,
          present: 0,
          kind: 'null',
          values: new Map(),
          // Made on the first number: a map of records with their own nested keys has about as
          // many fields as items, most never numeric, and one array per field of all items was quadratic.
          numbers: NO_NUMBERS,
          lengthSum: 0,
          strings: 0,
          type: leaf.t,
        };
        byPath.set(path, stats);
      }
      stats.present++;
      const kind = kindOf(leaf);
      if (kind !== 'null')
        stats.kind = stats.kind === 'null' || stats.kind === kind ? kind : 'mixed';
      if (stats.type !== undefined && leaf.t !== stats.type) {
        stats.values = typedKeys(stats.values, stats.type);
        stats.type = undefined;
      }
      const key = stats.type === undefined ? valueKey(leaf) : leafText(leaf);
      stats.values.set(key, (stats.values.get(key) ?? 0) + 1);
      if (leaf.t === 'number' && Number.isFinite(leaf.v)) {
        if (stats.numbers === NO_NUMBERS)
          stats.numbers = new Array<number | undefined>(views.length).fill(undefined);
        stats.numbers[index] = leaf.v;
      }
      if (leaf.t === 'string') {
        stats.lengthSum += leaf.v.length;
        stats.strings++;
      }
    }
  });
  return [...byPath.values()].map(({ type, values: byText, ...tally }) => {
    const values = type === undefined ? byText : typedKeys(byText, type);
    return finishStats({
      ...tally,
      distinct: values.size,
      values: () => values,
      firstStrings: (limit) => {
        const out: string[] = [];
        for (const key of values.keys()) {
          if (out.length >= limit) break;
          if (key.startsWith('string:')) out.push(key.slice(7));
        }
        return out;
      },
    });
  });
}

/** What a field's statistics are made of: its counts and distinct values. */
export interface FieldCounts
  extends Pick<
    FieldStats,
    'path' | 'present' | 'kind' | 'distinct' | 'values' | 'firstStrings' | 'numbers'
  > {
  /** Total length of the string values, and how many there are. */
  lengthSum: number;
  strings: number;
}

/** A field's statistics from its counts. */
export function finishStats({ lengthSum, strings, ...counts }: FieldCounts): FieldStats {
  const numbers = counts.numbers.filter((x): x is number => x !== undefined);
  const mean = numbers.length ? numbers.reduce((a, b) => a + b, 0) / numbers.length : 0;
  const variance =
    numbers.length > 1
      ? numbers.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (numbers.length - 1)
      : 0;
  return {
    ...counts,
    uniqueRatio: counts.distinct / counts.present,
    mean,
    std: Math.sqrt(variance),
    avgLength: strings ? lengthSum / strings : 0,
  };
}

/** Counts by text, all of one node type, re-keyed by {@link valueKey} (order kept). */
function typedKeys(byText: ReadonlyMap<string, number>, type: JsonNode['t']): Map<string, number> {
  const typed = new Map<string, number>();
  for (const [text, count] of byText) typed.set(`${type}:${text}`, count);
  return typed;
}
