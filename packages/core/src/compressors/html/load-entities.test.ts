import { describe, expect, it } from 'vitest';
import { loadEntities } from './load-entities.js';

describe('loadEntities', () => {
  it('imports the decoder once and decodes text (legacy references too) and attribute values', async () => {
    const [first, second] = await Promise.all([loadEntities(), loadEntities()]);
    expect(first).toBe(second);
    expect(first.text('a &amp; b &lt c &#x41;')).toBe('a & b < c A');
    // In an attribute a legacy reference followed by `=` stays as written (query strings).
    expect(first.attribute('?a=1&amp=2&lt;')).toBe('?a=1&amp=2<');
  });
});
