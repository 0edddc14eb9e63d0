import { describe, expect, it } from 'vitest';
import type { Segment } from '../pipeline/segment.js';
import { applyEdits } from './apply-edits.js';

const segment = (message: number, part?: number): Segment => ({
  ref: { message, part },
  role: 'tool',
  source: 'tool_result',
  text: '',
});

describe('applyEdits', () => {
  it('replaces edited messages in a new array, applying edits to one message in order', () => {
    const messages = [{ parts: ['a', 'b'] }, { parts: ['c'] }];
    const out = applyEdits(
      messages,
      [
        { segment: segment(0, 0), text: 'A' },
        { segment: segment(0, 1), text: 'B' },
      ],
      (message, ref, text) => ({
        parts: message.parts.map((p, i) => (i === ref.part ? text : p)),
      }),
    );
    expect(out).toEqual([{ parts: ['A', 'B'] }, { parts: ['c'] }]);
    expect(out).not.toBe(messages);
    expect(out[1]).toBe(messages[1]);
    expect(messages[0]).toEqual({ parts: ['a', 'b'] });
  });
});
