import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../errors/invalid-option-error.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { createSearchCompressor } from './search-compressor.js';

// grep -rn output: one hit in each of 30 files, and nothing in the query to rank them by.
const grep = Array.from(
  { length: 30 },
  (_, i) => `src/module-${i}/handler.ts:${i + 10}:  const timeout = config.timeout ?? ${i * 100};`,
).join('\n');

async function compress(options: Parameters<typeof createSearchCompressor>[0]): Promise<string> {
  const { ctx } = await createTestContext();
  return (await createSearchCompressor(options).compress(grep, ctx)).text;
}

describe('createSearchCompressor options', () => {
  it('shows a hit from the default number of files, or from `maxFiles`', async () => {
    expect(await compress({})).toContain('15 of 30 matches not shown');
    expect(await compress({ maxFiles: 3 })).toContain('27 of 30 matches not shown');
  });

  it('rejects a misspelt or negative knob when the compressor is made', () => {
    expect(() => createSearchCompressor({ maxRelevant: -1 })).toThrow(InvalidOptionError);
    expect(() => createSearchCompressor({ maxFile: 3 } as never)).toThrow(/search\.maxFile/);
  });
});
