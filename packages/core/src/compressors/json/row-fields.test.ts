import { describe, expect, it } from 'vitest';
import { flatRowView, itemView } from './item-view.js';
import type { JsonNode, ObjectNode } from './json-node.js';

function row(cells: Array<[string, JsonNode]>): ObjectNode {
  return { t: 'object', entries: cells };
}

describe('flatRowView', () => {
  it("reads a flat row's fields as itemView's Map does, without copying them", () => {
    const node = row([
      ['iata', { t: 'string', v: '00M' }],
      ['name', { t: 'string', v: 'Thigpen "Field"' }],
      ['latitude', { t: 'number', raw: '31.95', v: 31.95 }],
      ['1', { t: 'string', v: 'integer-like key' }],
    ]);
    const columns = new Map(node.entries.map(([key], index) => [key, index]));
    const flat = flatRowView(node, columns);
    const full = itemView(node);
    expect(flat.json).toBe(full.json);
    expect([...flat.fields]).toEqual([...full.fields]);
    expect([...flat.fields.values()]).toEqual([...full.fields.values()]);
    for (const path of ['iata', 'name', 'latitude', '1', 'missing', '']) {
      expect(flat.fields.get(path)).toBe(full.fields.get(path));
      expect(flat.fields.has(path)).toBe(full.fields.has(path));
    }
  });

  it('falls back to the flattened Map past the per-item field limit', () => {
    const node = row(
      Array.from({ length: 250 }, (_, i): [string, JsonNode] => [
        `c${i}`,
        { t: 'string', v: `${i}` },
      ]),
    );
    const columns = new Map(node.entries.map(([key], index) => [key, index]));
    const flat = flatRowView(node, columns);
    expect([...flat.fields]).toEqual([...itemView(node).fields]);
    expect([...flat.fields]).toHaveLength(200);
  });
});
