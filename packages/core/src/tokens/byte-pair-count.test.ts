import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { countByHeap, countBytePairTokens, countInWindows } from './byte-pair-count.js';
import { decodeRankTable } from './rank-table.js';

/** Byte strings of a few windows (64 KiB each): runs, short periods, and random text where nothing repeats. */
function longBytes(): Record<string, Uint8Array> {
  let seed = 12_345;
  const random = (n: number): number => {
    seed = (Math.imul(seed, 1_103_515_245) + 12_345) >>> 0;
    return (seed >>> 8) % n;
  };
  const pick = (units: readonly string[], count: number): string => {
    let out = '';
    for (let i = 0; i < count; i++) out += units[random(units.length)];
    return out;
  };
  const length = 150_000;
  const texts: Record<string, string> = {
    letters: 'x'.repeat(length),
    spaces: ' '.repeat(length),
    closingBrackets: ']'.repeat(length),
    emptyObjects: '{},'.repeat(length / 3),
    period7: 'qzkwvbe'.repeat(length / 7),
    mixedCase: 'aBcDeF'.repeat(length / 6),
    randomLetters: pick([...'abcdefghijklmnopqrstuvwxyz'], length),
    randomTwoLetters: pick(['a', 'b'], length),
    randomPunctuation: pick([...'{}[](),.;:!?-=+*/<>|&^%$#@~'], length),
    cjk: pick(
      [...'的一是不了人我在有他这为之大来以个中上们到说国和地也子时道出而要于就'],
      length / 2,
    ),
    emoji: pick(['😀', '🎉', '👍🏽', 'é', 'ß'], length / 3),
    combiningMarks: pick(['e\u0301', 'a\u0308', 'o'], length / 2),
  };
  const encoder = new TextEncoder();
  return Object.fromEntries(
    Object.entries(texts).map(([name, text]) => [name, encoder.encode(text)]),
  );
}

describe.each([
  { name: 'o200k_base', ranks: o200k },
  { name: 'cl100k_base', ranks: cl100k },
])('$name: long pieces merged in windows', ({ ranks }) => {
  const table = decodeRankTable(ranks.bpe_ranks);
  // The heap merge over the whole piece is the reference: it equals js-tiktoken (bpe-counter.test.ts),
  // which cannot finish pieces this long.
  // Windows of a few hundred bytes put a dozen cuts in each input. Margins stay over twice the longest
  // token: a narrower one only makes more checks fail (then the whole piece is merged instead).
  it('count as one merge of the whole piece with small windows (many cuts each)', () => {
    for (const [name, long] of Object.entries(longBytes())) {
      for (let length = 700; length < 9000; length += 457) {
        const bytes = long.subarray(0, length);
        const sizes = { window: 600 + (length % 300), margin: 256 + (length % 64) };
        expect(countInWindows(table, bytes, length, sizes), `${name} ${length}`).toBe(
          countByHeap(table, bytes, length),
        );
      }
    }
  });

  it.each(Object.entries(longBytes()))('count as one merge of the whole piece: %s', (_, bytes) => {
    const whole = countByHeap(table, bytes, bytes.length);
    // Every check at a cut passes (undefined would mean the whole piece was merged instead).
    expect(countInWindows(table, bytes, bytes.length)).toBe(whole);
    expect(countBytePairTokens(table, bytes, bytes.length)).toBe(whole);
  });
});
