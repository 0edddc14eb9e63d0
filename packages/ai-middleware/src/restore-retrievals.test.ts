import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { restoreRetrievals } from './restore-retrievals.js';

const call = {
  type: 'tool-call',
  toolCallId: 'r1',
  toolName: 'headroom_retrieve',
  input: { key: '0123456789abcdef01234567' },
} as const;
const result = {
  type: 'tool-result',
  toolCallId: 'r1',
  toolName: 'headroom_retrieve',
  output: { type: 'text', value: 'the original' },
} as const;
const appCall = { type: 'tool-call', toolCallId: 'a1', toolName: 'lookup', input: {} } as const;
const appResult = {
  type: 'tool-result',
  toolCallId: 'a1',
  toolName: 'lookup',
  output: { type: 'text', value: 'found' },
} as const;

describe('restoreRetrievals', () => {
  it('moves an inline retrieval into an ordinary call and the following tool message', () => {
    const prompt: LanguageModelV3Prompt = [
      { role: 'user', content: [{ type: 'text', text: 'hi' }] },
      { role: 'assistant', content: [{ ...call, providerExecuted: true }, result, appCall] },
      { role: 'tool', content: [appResult] },
    ];
    expect(restoreRetrievals(prompt)).toEqual([
      prompt[0],
      { role: 'assistant', content: [call, appCall] },
      { role: 'tool', content: [appResult, result] },
    ]);
  });

  it('adds a tool message when the history has none after the call', () => {
    const prompt: LanguageModelV3Prompt = [
      {
        role: 'assistant',
        content: [{ ...call, providerExecuted: true }, result, { type: 'text', text: 'ok' }],
      },
      { role: 'user', content: [{ type: 'text', text: 'next' }] },
    ];
    expect(restoreRetrievals(prompt)).toEqual([
      { role: 'assistant', content: [call, { type: 'text', text: 'ok' }] },
      { role: 'tool', content: [result] },
      prompt[1],
    ]);
  });

  it('answers a call whose result the history lost with a tool error', () => {
    const restored = restoreRetrievals([
      { role: 'assistant', content: [{ ...call, providerExecuted: true }] },
    ]);
    expect(restored[1]).toMatchObject({
      role: 'tool',
      content: [{ toolCallId: 'r1', output: { type: 'error-text' } }],
    });
  });

  it('returns a prompt without inline retrievals as the same array', () => {
    const prompt: LanguageModelV3Prompt = [
      { role: 'assistant', content: [call] },
      { role: 'tool', content: [result] },
    ];
    expect(restoreRetrievals(prompt)).toBe(prompt);
  });
});
