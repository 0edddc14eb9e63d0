import { describe, expect, it } from 'vitest';
import { responseParts } from './response-parts.js';

describe('responseParts', () => {
  const blocks = responseParts<{ type: string }>({ key: 'content', callType: 'tool_use' });

  it('reads the list field as it is', () => {
    const content = [{ type: 'text', text: 'hi' }];
    expect(blocks.of({ content })).toBe(content);
  });

  it('reads a missing or non-array field as an empty list', () => {
    expect(blocks.of({})).toEqual([]);
    expect(blocks.of({ content: 'oops' })).toEqual([]);
    expect(blocks.of({ content: { 0: 'a' } })).toEqual([]);
  });

  it('tells a call of the format’s tool-call type named headroom_retrieve', () => {
    expect(blocks.isRetrieveCall({ type: 'tool_use', name: 'headroom_retrieve' })).toBe(true);
  });

  it('does not take other tools, other part types, or no part for one', () => {
    expect(blocks.isRetrieveCall({ type: 'tool_use', name: 'search' })).toBe(false);
    expect(blocks.isRetrieveCall({ type: 'function_call', name: 'headroom_retrieve' })).toBe(false);
    expect(blocks.isRetrieveCall(undefined)).toBe(false);
  });
});
