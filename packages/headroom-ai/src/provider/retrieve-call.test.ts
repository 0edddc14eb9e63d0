import { describe, expect, it } from 'vitest';
import { retrieveCallTest } from './retrieve-call.js';

describe('retrieveCallTest', () => {
  const isRetrieveBlock = retrieveCallTest('tool_use');

  it('matches a call of the format’s tool-call type named headroom_retrieve', () => {
    expect(isRetrieveBlock({ type: 'tool_use', name: 'headroom_retrieve' })).toBe(true);
  });

  it('does not match other tools, other part types, or no part', () => {
    expect(isRetrieveBlock({ type: 'tool_use', name: 'search' })).toBe(false);
    expect(isRetrieveBlock({ type: 'function_call', name: 'headroom_retrieve' })).toBe(false);
    expect(isRetrieveBlock(undefined)).toBe(false);
  });
});
