import cl100k from 'js-tiktoken/ranks/cl100k_base';
import { describe, expect, it } from 'vitest';
import { createHeadroom } from '../create-headroom.js';
import noRankTable from './no-rank-table.js';
import { createTokenCounter } from './token-counter.js';

const text = 'Zusammenfassung: 12 tests failed in packages/core/src/tokens — see the log ✓';

describe('the tokenizer option', () => {
  it('counts every model with the one table it is given, as the table or as a function importing it', async () => {
    const own = await createTokenCounter('gpt-4-turbo');
    const given = await createTokenCounter('gpt-4o', { ranks: cl100k });
    const imported = await createTokenCounter('gpt-4o', {
      ranks: () => import('js-tiktoken/ranks/cl100k_base'),
    });
    expect(given.count(text)).toBe(own.count(text));
    expect(imported.count(text)).toBe(own.count(text));
    expect(given.count(text)).not.toBe((await createTokenCounter('gpt-4o')).count(text));
    // Claude keeps its factor over whichever table counts.
    const claude = await createTokenCounter('claude-sonnet-4-5', { ranks: cl100k });
    expect(claude.count(text)).toBe(Math.ceil(own.count(text) * 1.15));
  });

  it('uses an own count function as it is, for every model', async () => {
    const counter = await createTokenCounter('claude-sonnet-4-5', { count: (t) => t.length });
    expect(counter.count(text)).toBe(text.length);
    const headroom = createHeadroom({ tokenizer: { count: (t) => t.length } });
    const result = await headroom.compress([{ role: 'user', content: text }]);
    expect(result.tokensBefore).toBe(text.length);
  });

  it('fails with a tokenizer_error that says what to do when a table was aliased to no-rank-table', async () => {
    const rejected = createTokenCounter('gpt-4o', {
      ranks: async () => ({ default: noRankTable as never }),
    });
    await expect(rejected).rejects.toMatchObject({
      code: 'tokenizer_error',
      message: expect.stringMatching(/not a rank table .*no-rank-table.*tokenizer option/),
    });
  });

  it.each([
    [{}],
    [{ ranks: 'o200k' }],
    [{ ranks: { bpe_ranks: 1 } }],
    [{ count: 3 }],
    [{ count: () => 1, ranks: cl100k }],
  ])('rejects %j when the instance is created', (tokenizer) => {
    expect(() => createHeadroom({ tokenizer } as never)).toThrow(/tokenizer/);
  });
});
