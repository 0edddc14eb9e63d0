import { describe, expect, it } from 'vitest';
import { changelogPrompt } from './test-utils/conversation.js';
import { isWellFormedPrompt } from './prompt-shape.js';

describe('isWellFormedPrompt', () => {
  it('accepts a prompt as the AI SDK builds it', () => {
    expect(isWellFormedPrompt(changelogPrompt())).toBe(true);
    expect(isWellFormedPrompt([])).toBe(true);
  });

  it('rejects what the middleware could not read', () => {
    for (const prompt of [
      null,
      'hi',
      [{ role: 'user', content: 'not parts' }],
      [{ role: 'system', content: [{ type: 'text', text: 'parts' }] }],
      [{ role: 'bogus', content: [] }],
      [{ role: 'user', content: [null] }],
      [{ role: 'user', content: [{ type: 'text', text: 5 }] }],
      [{ role: 'assistant', content: [{ type: 'tool-call', toolName: 'read', input: {} }] }],
      [{ role: 'tool', content: [{ type: 'tool-result', toolCallId: 'c', toolName: 'read' }] }],
    ])
      expect(isWellFormedPrompt(prompt)).toBe(false);
  });
});
