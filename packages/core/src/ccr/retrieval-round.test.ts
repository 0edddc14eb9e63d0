import { describe, expect, it } from 'vitest';
import { ccrKey } from '../hash/sha256.js';
import { MemoryCcrStore } from './memory-store.js';
import { answerRetrieveCalls, retrievalOutcome } from './retrieval-round.js';
import { answerRetrieveCall } from './retrieve.js';

describe('retrievalOutcome', () => {
  it('is done without retrieval calls, whatever else was called', () => {
    expect(retrievalOutcome({ retrieveCalls: 0, otherCalls: 2, answered: 0, maxRounds: 3 })).toBe(
      'done',
    );
  });
  it('answers inline when retrieval calls are mixed with the application’s', () => {
    expect(retrievalOutcome({ retrieveCalls: 1, otherCalls: 1, answered: 3, maxRounds: 3 })).toBe(
      'inline',
    );
  });
  it('continues while rounds are left, then stops at the limit', () => {
    expect(retrievalOutcome({ retrieveCalls: 2, otherCalls: 0, answered: 2, maxRounds: 3 })).toBe(
      'continue',
    );
    expect(retrievalOutcome({ retrieveCalls: 2, otherCalls: 0, answered: 3, maxRounds: 3 })).toBe(
      'limit',
    );
  });
});

describe('answerRetrieveCalls', () => {
  it('answers every call in order, through the answer it is given', async () => {
    const store = new MemoryCcrStore();
    const key = ccrKey('the original');
    await store.put(key, { original: 'the original', meta: { kind: 'text' }, createdAt: 0 });
    const calls = [
      { id: 'a', args: { key } },
      { id: 'b', args: { key: ccrKey('gone') } },
      { id: 'c', args: JSON.stringify({ key }) },
    ];
    const answers = await answerRetrieveCalls(calls, {
      answer: (input) => answerRetrieveCall(store, input),
      input: (call) => call.args,
    });
    expect(answers.map((a) => [a.call.id, a.isError])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
    ]);
    expect(answers[0]!.content).toBe('the original');
    expect(answers[1]!.content).toMatch(/^Error: /);
  });
});
