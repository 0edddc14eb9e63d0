import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { DEFAULT_CRUSH_OPTIONS } from './crush-options.js';
import type { CrushState } from './crush-state.js';
import { parseJson } from './parse-json.js';
import { toJson } from './serialize-json.js';
import { crushNode } from './walk.js';

async function state(): Promise<CrushState> {
  const { ctx } = await createTestContext({ query: '' });
  return { ctx, options: DEFAULT_CRUSH_OPTIONS, actions: new Set() };
}

describe('crushNode', () => {
  it('gives back the very node when nothing in it changes', async () => {
    const node = parseJson('{"user":{"id":7,"tags":["a","b"]},"items":[1,2,3],"ok":true}', 64)!;
    expect(crushNode(node, 0, await state())).toBe(node);
  });

  it('copies only the path to what changed, leaving the original as it was', async () => {
    // Random bytes as base64: an opaque payload, stashed behind a marker.
    let seed = 1;
    const bytes = Uint8Array.from({ length: 900 }, () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed >>> 24;
    });
    const blob = Buffer.from(bytes).toString('base64');
    const text = `{"meta":{"id":7},"payload":{"kind":"png","data":"${blob}"}}`;
    const node = parseJson(text, 64)!;
    const crushed = crushNode(node, 0, await state());
    expect(crushed).not.toBe(node);
    expect(toJson(node)).toBe(text);
    expect(toJson(crushed)).toMatch(/"data":"<<ccr:[0-9a-f]+,base64,/);
    if (crushed.t !== 'object' || node.t !== 'object') throw new Error('objects expected');
    // The unchanged sibling is shared, the changed one is new.
    expect(crushed.entries[0]![1]).toBe(node.entries[0]![1]);
    expect(crushed.entries[1]![1]).not.toBe(node.entries[1]![1]);
  });
});
