import { describe, expect, it } from 'vitest';
import { compress } from './compress.js';
import { HeadroomError } from './errors/headroom-error.js';

describe('compress', () => {
  it('leaves small conversations unchanged and reports counts', async () => {
    const messages = [
      { role: 'user' as const, content: 'hello' },
      { role: 'assistant' as const, content: 'hi there' },
    ];
    const result = await compress(messages, { model: 'gpt-4o' });
    expect(result.compressed).toBe(false);
    expect(result.messages).toEqual(messages);
    expect(result.tokensBefore).toBeGreaterThan(0);
    expect(result.tokensAfter).toBe(result.tokensBefore);
  });

  it('rejects non-arrays and malformed messages with a typed error', async () => {
    await expect(compress('nope' as never)).rejects.toSatisfy(HeadroomError.isInstance);
    await expect(compress([{ role: 'wizard', content: 'x' }] as never)).rejects.toMatchObject({
      code: 'invalid_messages',
    });
    await expect(compress([{ role: 'tool', content: 'x' }] as never)).rejects.toMatchObject({
      code: 'invalid_messages',
    });
  });
});
