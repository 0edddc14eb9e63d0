import { describe, expect, it } from 'vitest';
import { detectFormat } from './detect-format.js';

describe('detectFormat', () => {
  it('tells the formats apart by their distinctive fields', () => {
    expect(
      detectFormat([
        { role: 'user', content: 'hi' },
        { role: 'tool', tool_call_id: 'a', content: 'x' },
      ]),
    ).toBe('openai');
    expect(
      detectFormat([
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'a', content: 'x' }] },
      ]),
    ).toBe('anthropic');
    expect(
      detectFormat([{ role: 'user', content: [{ type: 'image', source: { type: 'base64' } }] }]),
    ).toBe('anthropic');
    expect(detectFormat([{ role: 'user', content: [{ type: 'image_url', image_url: {} }] }])).toBe(
      'openai',
    );
    expect(detectFormat([{ role: 'user', content: 'plain' }])).toBe('openai');
  });
});
