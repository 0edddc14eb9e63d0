import { describe, expect, it } from 'vitest';
import { InvalidMessagesError } from '../errors/invalid-messages-error.js';
import { extractSegments } from './extract-segments.js';

type Message = { role: string; text?: string; call?: string; answers?: string };
const accepted = { roles: new Set(['user', 'tool']), problem: 'expected role user or tool' };

describe('extractSegments', () => {
  it('reads the messages in order, with the calls of earlier messages', () => {
    const messages: Message[] = [
      { role: 'user', text: 'look it up', call: 'c1' },
      { role: 'tool', text: 'found', answers: 'c1' },
    ];
    const segments = extractSegments(messages, accepted, (message, index, { calls, segments }) => {
      if (message.call) calls.set(message.call, { name: 'lookup', args: { index } });
      const call = message.answers ? calls.get(message.answers) : undefined;
      segments.push({
        role: message.role === 'tool' ? 'tool' : 'user',
        source: message.role === 'tool' ? 'tool_result' : 'text',
        ref: { message: index },
        text: message.text ?? '',
        toolName: call?.name,
        toolArgs: call?.args,
      });
    });
    expect(segments.map((s) => [s.ref.message, s.text, s.toolName, s.toolArgs])).toEqual([
      [0, 'look it up', undefined, undefined],
      [1, 'found', 'lookup', { index: 0 }],
    ]);
  });

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['a role it does not take', { role: 'system' }],
    ['no role', { text: 'x' }],
  ])('rejects a message that is %s, naming its index and the problem', (_, bad) => {
    const messages = [{ role: 'user' }, bad] as Message[];
    const read = () => undefined;
    expect(() => extractSegments(messages, accepted, read)).toThrow(InvalidMessagesError);
    try {
      extractSegments(messages, accepted, read);
    } catch (error) {
      expect(InvalidMessagesError.isInstance(error) && error.index).toBe(1);
      expect(String((error as Error).message)).toContain('expected role user or tool');
    }
  });
});
