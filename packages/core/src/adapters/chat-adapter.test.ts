import { describe, expect, it } from 'vitest';
import { InvalidMessagesError } from '../errors/invalid-messages-error.js';
import type { Segment } from '../pipeline/segment.js';
import { chatAdapter } from './chat-adapter.js';

type Part = { type: string; text: string };
type Message = { role: string; content: string | Part[]; call?: string; answers?: string };

const adapter = chatAdapter<Message>({
  format: 'test',
  systemIn: 'messages',
  roles: ['user', 'assistant', 'tool'],
  read: (message, index, { calls, segments }) => {
    if (message.call) calls.set(message.call, { name: 'lookup', args: { index } });
    const call = message.answers ? calls.get(message.answers) : undefined;
    const base = {
      role: message.role === 'tool' ? ('tool' as const) : ('user' as const),
      source: message.role === 'tool' ? ('tool_result' as const) : ('text' as const),
      toolName: call?.name,
      toolArgs: call?.args,
    };
    if (typeof message.content === 'string') {
      segments.push({ ...base, ref: { message: index }, text: message.content });
    } else {
      message.content.forEach((part, at) => {
        segments.push({ ...base, ref: { message: index, part: at }, text: part.text });
      });
    }
  },
  editPart: (message, { part }, text) => {
    const content = [...(message.content as Part[])];
    content[part] = { ...content[part]!, text };
    return { ...message, content };
  },
});

const conversation: Message[] = [
  { role: 'user', content: 'look it up', call: 'c1' },
  { role: 'tool', content: [{ type: 'text', text: 'found' }], answers: 'c1' },
  { role: 'assistant', content: 'done' },
];

describe('chatAdapter', () => {
  it('reads the messages in order, with the calls of earlier messages', () => {
    const segments = adapter.extract(conversation);
    expect(segments.map((s) => [s.ref.message, s.text, s.toolName, s.toolArgs])).toEqual([
      [0, 'look it up', undefined, undefined],
      [1, 'found', 'lookup', { index: 0 }],
      [2, 'done', undefined, undefined],
    ]);
  });

  it('replaces string content itself and array parts through the format, keeping unedited messages', () => {
    const [first, second] = adapter.extract(conversation) as [Segment, Segment];
    const edited = adapter.apply(conversation, [
      { segment: first, text: 'LOOK' },
      { segment: second, text: 'FOUND' },
    ]);
    expect(edited[0]).toEqual({ ...conversation[0], content: 'LOOK' });
    expect(edited[1]).toEqual({ ...conversation[1], content: [{ type: 'text', text: 'FOUND' }] });
    expect(edited[2]).toBe(conversation[2]);
    expect(conversation[0]!.content).toBe('look it up');
  });

  it('makes a user message of plain text', () => {
    expect(adapter.userMessage('moved values')).toEqual({ role: 'user', content: 'moved values' });
  });

  it.each([
    ['not an object', 'hello'],
    ['null', null],
    ['a role it does not take', { role: 'system', content: '' }],
    ['no role', { content: 'x' }],
  ])('rejects a message that is %s, naming its index and the roles it takes', (_, bad) => {
    const messages = [{ role: 'user', content: '' }, bad] as Message[];
    expect(() => adapter.extract(messages)).toThrow(InvalidMessagesError);
    try {
      adapter.extract(messages);
    } catch (error) {
      expect(InvalidMessagesError.isInstance(error) && error.index).toBe(1);
      expect(String((error as Error).message)).toContain(
        'expected an object with role user, assistant or tool',
      );
    }
  });
});
