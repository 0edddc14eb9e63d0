import { describe, expect, it } from 'vitest';
import { createTestContext } from '../test-utils/compressor-context.js';
import type { CompressorSpec } from '../types.js';
import { resolveCompressors } from './defaults.js';

describe('resolveCompressors', () => {
  it('hands JSON the search compressor finds no hits in to the json compressor in use', async () => {
    const { ctx } = await createTestContext();
    const seen: string[] = [];
    const json: CompressorSpec = {
      compress: (text) => {
        seen.push(text);
        return { text: '[]' };
      },
    };
    const notHits = JSON.stringify({ items: [{ name: 'a' }, { name: 'b' }] });
    const out = await resolveCompressors({ json }).search!.compress(notHits, ctx);
    expect(seen).toEqual([notHits]);
    expect(out.text).toBe('[]');
  });
});
