import type { JsonNode } from './json-node.js';

/** Compact JSON for a node: no whitespace, key order and duplicate keys kept, numbers as written. */
export function toJson(node: JsonNode): string {
  switch (node.t) {
    case 'string':
      return JSON.stringify(node.v);
    case 'number':
      return node.raw;
    case 'boolean':
      return node.v ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'raw':
      return node.text;
    case 'array':
      return `[${node.items.map(toJson).join(',')}]`;
    case 'object':
      return `{${node.entries.map(([key, value]) => `${JSON.stringify(key)}:${toJson(value)}`).join(',')}}`;
  }
}
