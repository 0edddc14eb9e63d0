import { describe, expect, it } from 'vitest';
import { stripAnsi } from './strip-ansi.js';

describe('stripAnsi', () => {
  it('removes colour codes around a vitest location and leaves plain text alone', () => {
    expect(
      stripAnsi('\u001b[36m \u001b[2m❯\u001b[22m src/a.test.ts:\u001b[2m6:49\u001b[22m\u001b[39m'),
    ).toBe(' ❯ src/a.test.ts:6:49');
    expect(stripAnsi('plain [2m text')).toBe('plain [2m text');
  });
});
