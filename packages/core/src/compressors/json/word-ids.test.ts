import { describe, expect, it } from 'vitest';
import { createWordIds } from './word-ids.js';

/** What the ids stand for: the `[a-z0-9_]+` runs of the lowercased text, as adaptive k reads items. */
const regexWords = (text: string): string[] => text.toLowerCase().match(/[a-z0-9_]+/g) ?? [];

describe('createWordIds', () => {
  it('gives each distinct word of the lowercased text one id, in order of first appearance', () => {
    const texts = [
      '{"level":"INFO","message":"PacketResponder 1 for block blk_3886 terminating"}',
      '{"level":"info","message":"Received block blk_3886 of size 67108864"}',
      'Straße İstanbul \u212Aelvin ΣΑΣ naïve — café_42 x-y',
      '',
      '!!! ...',
      'a'.repeat(5000),
    ];
    const wordIds = createWordIds();
    const byWord = new Map<string, number>();
    for (const text of texts) {
      const expected = regexWords(text).map((word) => {
        if (!byWord.has(word)) byWord.set(word, byWord.size);
        return byWord.get(word)!;
      });
      const count = wordIds.read(text);
      expect([...wordIds.ids.subarray(0, count)], text).toEqual(expected);
    }
  });

  it('keeps ids distinct past its first table size', () => {
    const wordIds = createWordIds();
    const words = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
    const read = (text: string) => {
      const count = wordIds.read(text);
      return [...wordIds.ids.subarray(0, count)];
    };
    expect(read(words.join(' '))).toEqual(words.map((_, i) => i));
    expect(read(words.slice(0, 3).join(' ').toUpperCase())).toEqual([0, 1, 2]);
  });
});
