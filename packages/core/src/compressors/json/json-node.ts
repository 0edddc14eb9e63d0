/**
 * A parsed JSON value that keeps what `JSON.parse` would lose: the exact text of every number
 * (64-bit ids stay intact), duplicate keys and key order (integer-like keys are not hoisted).
 * Every leaf starts with `t` then `v` (null too, and a number's `raw` comes after `v`), so that
 * leaves share engine shapes: four shapes in all keep the walks over nodes polymorphic instead
 * of megamorphic.
 */
export type JsonNode =
  | { t: 'object'; entries: Array<[string, JsonNode]> }
  | { t: 'array'; items: JsonNode[] }
  | { t: 'string'; v: string }
  | { t: 'number'; v: number; raw: string }
  | { t: 'boolean'; v: boolean }
  | { t: 'null'; v: null }
  /** A subtree below the depth limit, kept as its original text. */
  | { t: 'raw'; text: string };

export type ObjectNode = Extract<JsonNode, { t: 'object' }>;
export type ArrayNode = Extract<JsonNode, { t: 'array' }>;

/** A string node. */
export function stringNode(v: string): JsonNode {
  return { t: 'string', v };
}

/** The value of `key` in an object node; the last one wins on duplicates, as in `JSON.parse`. */
export function getField(node: ObjectNode, key: string): JsonNode | undefined {
  for (let i = node.entries.length - 1; i >= 0; i--) {
    const entry = node.entries[i]!;
    if (entry[0] === key) return entry[1];
  }
  return undefined;
}

/** Whether an object node repeats a key (such rows cannot become table rows). */
export function hasDuplicateKeys(node: ObjectNode): boolean {
  return new Set(node.entries.map(([key]) => key)).size !== node.entries.length;
}

/**
 * Converts a plain JSON-compatible value (e.g. rows parsed from a CSV table) to a node. Like
 * `JSON.stringify`, it skips undefined/function members and turns non-finite numbers into null.
 */
export function fromValue(value: unknown, depth = 0): JsonNode {
  if (value === null || value === undefined) return { t: 'null', v: null };
  switch (typeof value) {
    case 'string':
      return { t: 'string', v: value };
    case 'boolean':
      return { t: 'boolean', v: value };
    case 'number':
      return Number.isFinite(value)
        ? { t: 'number', v: value, raw: JSON.stringify(value) }
        : { t: 'null', v: null };
    case 'bigint':
      return { t: 'number', v: Number(value), raw: value.toString() };
    case 'object':
      break;
    default:
      return { t: 'null', v: null };
  }
  // Deeper than any walk goes: keep whatever JSON.stringify makes of it.
  if (depth > 64) return { t: 'raw', text: JSON.stringify(value) ?? 'null' };
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === 'function') return fromValue(withJson.toJSON(), depth + 1);
  if (Array.isArray(value))
    return { t: 'array', items: value.map((item) => fromValue(item, depth + 1)) };
  const entries: Array<[string, JsonNode]> = [];
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || typeof member === 'function' || typeof member === 'symbol')
      continue;
    entries.push([key, fromValue(member, depth + 1)]);
  }
  return { t: 'object', entries };
}
