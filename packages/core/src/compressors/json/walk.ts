import { crushArray } from './crush-array.js';
import { crushMap } from './crush-map.js';
import type { CrushState } from './crush-state.js';
import type { JsonNode, ObjectNode } from './json-node.js';
import { utf8Length } from '../../util/utf8-length.js';
import { humanSize, opaqueKind } from './opaque-string.js';
import { MAX_DEPTH, parseJson } from './parse-json.js';
import { toJson } from './serialize-json.js';

/**
 * A whole JSON document crushed to text. A top-level array of objects may become a bare table;
 * everything else is compact JSON with key order, duplicate keys and number texts preserved.
 */
export function crushDocument(node: JsonNode, depth: number, state: CrushState): string {
  if (node.t === 'array' && depth <= MAX_DEPTH) {
    const crushed = crushArray(node, state, (item) => crushNode(item, depth + 1, state), true);
    return crushed.table ?? toJson(crushed.node);
  }
  return toJson(crushNode(node, depth, state));
}

/** One value crushed: arrays and maps of records are crushed, other objects walked, strings checked for JSON and opaque payloads. */
export function crushNode(node: JsonNode, depth: number, state: CrushState): JsonNode {
  if (depth > MAX_DEPTH) return node;
  switch (node.t) {
    case 'object': {
      const walk = (value: JsonNode): JsonNode => crushNode(value, depth + 1, state);
      return crushMap(node, state, walk) ?? walkEntries(node, walk);
    }
    case 'array':
      return crushArray(node, state, (item) => crushNode(item, depth + 1, state), false).node;
    case 'string':
      return crushString(node.v, depth, state) ?? node;
    default:
      return node;
  }
}

/**
 * An object with its values walked; the object itself when no value changed, so an unchanged
 * subtree stays the node it was (its JSON can be reused, and no copy is made of it).
 */
function walkEntries(node: ObjectNode, walk: (value: JsonNode) => JsonNode): ObjectNode {
  let entries: Array<[string, JsonNode]> | undefined;
  node.entries.forEach(([key, value], i) => {
    const walked = walk(value);
    if (walked !== value) entries ??= node.entries.slice(0, i);
    entries?.push([key, walked]);
  });
  return entries ? { t: 'object', entries } : node;
}

/** A string holding JSON is crushed and re-serialised; an opaque one is stashed behind a marker. */
function crushString(text: string, depth: number, state: CrushState): JsonNode | undefined {
  const compressed = state.strings?.get(text);
  if (compressed !== undefined) {
    state.actions.add('string_text');
    return { t: 'string', v: compressed };
  }
  const trimmed = text.trim();
  const first = trimmed[0];
  const last = trimmed[trimmed.length - 1];
  if (((first === '{' && last === '}') || (first === '[' && last === ']')) && depth < MAX_DEPTH) {
    const embedded = parseJson(trimmed, MAX_DEPTH - depth - 1);
    if (embedded) {
      const crushed = crushDocument(embedded, depth + 1, state);
      if (crushed.length >= text.length) return undefined;
      state.actions.add('string_json');
      return { t: 'string', v: crushed };
    }
  }
  const kind = opaqueKind(text, state.options.opaqueMinBytes);
  if (!kind) return undefined;
  const key = state.ctx.stash(text, { kind: 'string' });
  state.actions.add('opaque');
  return { t: 'string', v: `<<ccr:${key},${kind},${humanSize(utf8Length(text))}>>` };
}
