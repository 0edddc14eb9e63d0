import { describe, expect, it } from 'vitest';
import {
  formatDynamicBlock,
  isDynamicBlock,
  moveVolatileValues,
  restoreVolatileValues,
} from './move-volatile.js';

const turn = (n: number) =>
  `You are a support agent.\nNow: 2026-11-25T10:${String(n).padStart(2, '0')}:00Z. Request ID: req_${n}a7f3c9e1b2\nThis is turn ${n}. Same clock again: 2026-11-25T10:${String(n).padStart(2, '0')}:00Z.`;

describe('moveVolatileValues', () => {
  it('gives every turn the same text, with numbered placeholders, and dedupes repeated values', () => {
    const first = moveVolatileValues([turn(1)]);
    const later = moveVolatileValues([turn(42)]);
    expect(first.texts).toEqual(later.texts);
    expect(first.texts[0]).toBe(
      'You are a support agent.\nNow: [[timestamp_1]]. Request ID: [[request_id_1]]\nThis is [[counter_1]]. Same clock again: [[timestamp_1]].',
    );
    expect(later.moved).toEqual([
      { placeholder: '[[timestamp_1]]', kind: 'timestamp', value: '2026-11-25T10:42:00Z' },
      { placeholder: '[[request_id_1]]', kind: 'request_id', value: 'req_42a7f3c9e1b2' },
      { placeholder: '[[counter_1]]', kind: 'counter', value: 'turn 42' },
    ]);
  });

  it('is lossless: restoring the placeholders gives back every original text', () => {
    const texts = [
      turn(7),
      'Second system part, build 4f2a9c1e8b7d3a6f0e1c2b3a4d5e6f70 at 2026-11-25T10:07:00Z',
      'nothing volatile',
    ];
    const { texts: moved, moved: values } = moveVolatileValues(texts);
    expect(moved[1]).toBe('Second system part, build [[hash_1]] at [[timestamp_1]]');
    expect(moved.map((text) => restoreVolatileValues(text, values))).toEqual(texts);
  });

  it('leaves a text alone when it already contains placeholder-shaped strings', () => {
    const text = 'Template [[user_1]] rendered on 2026-11-25.';
    const result = moveVolatileValues([text]);
    expect(result).toEqual({ texts: [text], moved: [], skipped: [0] });
  });
});

describe('formatDynamicBlock', () => {
  it('lists each placeholder with its value and is recognised as Headroom’s block', () => {
    const block = formatDynamicBlock([
      { placeholder: '[[date_1]]', kind: 'date', value: '2026-11-25' },
    ]);
    expect(block).toBe(
      '<headroom-dynamic-context>\nCurrent values of the placeholders in the system prompt:\n[[date_1]] = 2026-11-25\n</headroom-dynamic-context>',
    );
    expect(isDynamicBlock(block)).toBe(true);
    expect(isDynamicBlock('<headroom-dynamic-context> but not closed')).toBe(false);
  });
});
