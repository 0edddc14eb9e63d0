import type { LanguageModelV3Prompt } from '@ai-sdk/provider';
import { describe, expect, it } from 'vitest';
import { aiSdkPromptAdapter } from './prompt-adapter.js';
import { changelog, releases } from './test-utils/fixtures.js';

const prompt: LanguageModelV3Prompt = [
  { role: 'system', content: 'Be brief.' },
  {
    role: 'user',
    content: [
      { type: 'text', text: 'Which release added tool approval?' },
      { type: 'file', data: 'aGVsbG8=', mediaType: 'image/png' },
    ],
  },
  {
    role: 'assistant',
    content: [
      { type: 'reasoning', text: 'I should read the notes.' },
      { type: 'text', text: 'Reading.' },
      {
        type: 'tool-call',
        toolCallId: 'c1',
        toolName: 'readFile',
        input: { path: 'CHANGELOG.md' },
      },
      { type: 'tool-call', toolCallId: 'c2', toolName: 'listReleases', input: {} },
      { type: 'tool-call', toolCallId: 'c3', toolName: 'screenshot', input: {} },
      {
        type: 'tool-call',
        toolCallId: 'web',
        toolName: 'web_search',
        input: {},
        providerExecuted: true,
      },
      {
        type: 'tool-result',
        toolCallId: 'web',
        toolName: 'web_search',
        output: { type: 'text', value: changelog },
      },
    ],
  },
  {
    role: 'tool',
    content: [
      {
        type: 'tool-result',
        toolCallId: 'c1',
        toolName: 'readFile',
        output: { type: 'text', value: changelog },
      },
      {
        type: 'tool-result',
        toolCallId: 'c2',
        toolName: 'listReleases',
        output: { type: 'json', value: releases },
      },
      {
        type: 'tool-result',
        toolCallId: 'c3',
        toolName: 'screenshot',
        output: {
          type: 'content',
          value: [
            { type: 'image-data', data: 'aGVsbG8=', mediaType: 'image/png' },
            { type: 'text', text: changelog },
          ],
        },
      },
      {
        type: 'tool-result',
        toolCallId: 'old',
        toolName: 'headroom_retrieve',
        output: { type: 'text', value: changelog },
      },
      {
        type: 'tool-result',
        toolCallId: 'c4',
        toolName: 'build',
        output: { type: 'error-json', value: { exitCode: 2, log: 'boom' } },
      },
      {
        type: 'tool-result',
        toolCallId: 'c5',
        toolName: 'deploy',
        output: { type: 'execution-denied', reason: 'no' },
      },
    ],
  },
];

describe('aiSdkPromptAdapter', () => {
  it('extracts tool results as candidates and the rest as context, with their tool calls', () => {
    const segments = aiSdkPromptAdapter.extract(prompt);
    expect(segments.map((s) => [s.role, s.source, s.ref, s.toolName ?? null])).toEqual([
      ['system', 'text', { message: 0 }, null],
      ['user', 'text', { message: 1, part: 0 }, null],
      ['assistant', 'text', { message: 2, part: 1 }, null],
      ['tool', 'tool_result', { message: 3, part: 0 }, 'readFile'],
      ['tool', 'tool_result', { message: 3, part: 1 }, 'listReleases'],
      ['tool', 'tool_result', { message: 3, part: 2, sub: 1 }, 'screenshot'],
      ['tool', 'tool_result', { message: 3, part: 4 }, 'build'],
    ]);
    expect(segments[3]).toMatchObject({
      text: changelog,
      toolArgs: { path: 'CHANGELOG.md' },
      toolCallId: 'c1',
      isError: false,
    });
    expect(segments[4]!.text).toBe(JSON.stringify(releases));
    expect(segments[6]).toMatchObject({ text: '{"exitCode":2,"log":"boom"}', isError: true });
  });

  it('writes edits back in place: same ids, same order, same output types where the text fits', () => {
    const segments = aiSdkPromptAdapter.extract(prompt);
    const out = aiSdkPromptAdapter.apply(prompt, [
      { segment: segments[3]!, text: 'short text' },
      { segment: segments[4]!, text: '[{"version":"6.0.0"}]' },
      { segment: segments[5]!, text: 'short content' },
      {
        segment: segments[6]!,
        text: 'not json <<ccr:0123456789abcdef0123 omitted; call headroom_retrieve>>',
      },
    ]);
    expect(out.slice(0, 3)).toEqual(prompt.slice(0, 3));
    expect(out[0]).toBe(prompt[0]);
    const tool = out[3]!;
    if (tool.role !== 'tool') throw new Error('expected the tool message');
    expect(
      tool.content.map((part) => (part.type === 'tool-result' ? part.toolCallId : part.type)),
    ).toEqual(['c1', 'c2', 'c3', 'old', 'c4', 'c5']);
    expect(tool.content.map((part) => part.type === 'tool-result' && part.output)).toEqual([
      { type: 'text', value: 'short text' },
      { type: 'json', value: [{ version: '6.0.0' }] },
      {
        type: 'content',
        value: [
          { type: 'image-data', data: 'aGVsbG8=', mediaType: 'image/png' },
          { type: 'text', text: 'short content' },
        ],
      },
      { type: 'text', value: changelog },
      {
        type: 'error-text',
        value: 'not json <<ccr:0123456789abcdef0123 omitted; call headroom_retrieve>>',
      },
      { type: 'execution-denied', reason: 'no' },
    ]);
    // The input prompt is not mutated.
    expect((prompt[3]!.content[0] as { output: { value: string } }).output.value).toBe(changelog);
  });
});
