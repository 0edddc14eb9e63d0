import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Tiktoken } from 'js-tiktoken/lite';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { beforeAll, describe, expect, it } from 'vitest';
import { dataDir, noDataReason } from '../test-utils/data-dir.node.js';
import o200kPacked from '@headroom/core/ranks/o200k_base';
import cl100kPacked from '@headroom/core/ranks/cl100k_base';
import { createBpeCounter } from './bpe-counter.js';
import { decodeRankTable } from './rank-table.js';
import { misrankedTokens } from '../test-utils/misranked-tokens.js';

const encodings = [
  { name: 'o200k_base', ranks: o200k },
  { name: 'cl100k_base', ranks: cl100k },
];
/** Each table as core ships it (packed at build time) and as js-tiktoken does: both count the same. */
const tables = [
  { name: 'o200k_base', form: 'packed', ranks: o200k, table: o200kPacked },
  { name: 'cl100k_base', form: 'packed', ranks: cl100k, table: cl100kPacked },
  { name: 'o200k_base', form: 'js-tiktoken', ranks: o200k, table: o200k },
  { name: 'cl100k_base', form: 'js-tiktoken', ranks: cl100k, table: cl100k },
];

/** Every file under the corpora, read as UTF-8 (binary files included: their U+FFFDs are hostile input too). */
function corpusFiles(root: string): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir).sort()) {
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else files.push({ name: relative(root, path), text: readFileSync(path, 'utf8') });
    }
  };
  walk(root);
  return files;
}

/**
 * Text built to hit every corner of the pre-tokenizer and the merge: long runs (js-tiktoken's
 * merge is quadratic, so these stay at a size it finishes), contractions, combining marks,
 * surrogates, special-token text, mixed scripts.
 */
function adversarialTexts(): Record<string, string> {
  return {
    letters: 'a'.repeat(1500),
    upperLetters: 'ABCDEFGH'.repeat(150),
    mixedCaseRun: 'aBcDeFgHiJ'.repeat(120),
    spaces: ' '.repeat(1500),
    spacesThenWord: `${' '.repeat(700)}word${' '.repeat(700)}`,
    tabsAndNewlines: '\t \n\r\n  \t\t\n'.repeat(150),
    punctuation: '!?.,;:-=+*&^%$#@~`|\\/'.repeat(60),
    brackets: '[{},{},'.repeat(200),
    closingBrackets: `${'['.repeat(800)}${']'.repeat(800)}`,
    deepJson: `${'{"a":'.repeat(300)}1${'}'.repeat(300)}`,
    emoji: '😀🎉👍🏽👨‍👩‍👧‍👦🇺🇸'.repeat(60),
    emojiRun: '😀'.repeat(400),
    combining: 'e\u0301a\u0308o\u0302'.repeat(200),
    combiningOnly: '\u0301\u0302\u0303'.repeat(300),
    zalgo: 'Z\u0351\u0352\u0353a\u0354\u0355l\u0356g\u0357o'.repeat(100),
    loneHigh: `abc\uD800def \uD800\uD800 ${'\uD83D'.repeat(200)} x`,
    loneLow: `\uDC00abc \uDFFF\uDFFF ${'\uDC00'.repeat(200)}`,
    reversedPair: '\uDE00\uD83D'.repeat(150),
    specialLookalikes:
      '<|endoftext|> <|endofprompt|><|fim_prefix|> <|endoftext| <|im_start|>'.repeat(30),
    contractions: "I'm you're they've she'll he'd it's WE'RE THEY'VE 'S's't'T ''''s".repeat(40),
    digits: '1234567890'.repeat(150),
    numbersMixed: '3.14159e-10 0x1F 1_000_000 ١٢٣ ⅷ ½'.repeat(60),
    cjk: '漢字かなカナ한국어中文テキスト'.repeat(100),
    arabicHebrew: 'مرحبا بالعالم שלום עולם'.repeat(80),
    devanagari: 'नमस्ते दुनिया क्षत्रिय'.repeat(80),
    controlChars: '\u0000\u0001\u0002\u001f\u007f\u0085\u00a0\u2028\u2029\ufeff'.repeat(100),
    privateUse: '\ue000\uf8ff\u{f0000}'.repeat(200),
    base64: 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0123456789+/='.repeat(30),
    urls: 'https://example.com/a/b?c=d&e=f#g '.repeat(60),
    newlineSlash: '/\n/\r\n//\n\n/'.repeat(120),
  };
}

describe('rank table', () => {
  it.each(encodings)(
    'decodes every $name token, and every single byte is a token',
    ({ name, ranks }) => {
      const table = decodeRankTable(ranks.bpe_ranks);
      expect(table.size).toBe(name === 'o200k_base' ? 199_998 : 100_256);
      const byte = new Uint8Array(1);
      for (let b = 0; b < 256; b++) {
        byte[0] = b;
        expect(table.rank(byte, 0, 1)).toBeGreaterThanOrEqual(0);
      }
      const hello = new TextEncoder().encode(' hello');
      expect(table.rank(hello, 0, hello.length)).toBe(new Tiktoken(ranks).encode(' hello')[0]);
    },
  );

  it.each(encodings)('finds every $name token at its rank', ({ ranks }) => {
    const table = decodeRankTable(ranks.bpe_ranks);
    expect(misrankedTokens(table, ranks.bpe_ranks)).toEqual([]);
  });

  it('grows past its first guess for a table of short unpadded tokens', () => {
    const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmn'];
    const unpadded = (text: string): string => btoa(text).replace(/=+$/, '');
    const table = decodeRankTable(
      `x 0 ${letters.map(unpadded).join(' ')}\ny 40 ${unpadded('AB')} ${unpadded('AC')}`,
    );
    expect(table.size).toBe(42);
    const bytes = new TextEncoder().encode('nAC');
    expect(table.rank(bytes, 0, 1)).toBe(39);
    expect(table.rank(bytes, 1, 3)).toBe(41);
    expect(table.rank(bytes, 0, 2)).toBe(-1);
  });
});

describe.each(tables)(
  '$name ($form) counts equal js-tiktoken encode(text).length',
  ({ ranks, table }) => {
    let reference: Tiktoken;
    let count: (text: string) => number;
    // js-tiktoken is the slow side: its constructor takes seconds, and its merge is quadratic on the
    // long CJK and combining-mark pieces (tens of seconds on a loaded 2-core machine).
    beforeAll(() => {
      reference = new Tiktoken(ranks);
      count = createBpeCounter(table);
    }, 60_000);

    it.each(Object.entries(adversarialTexts()))(
      'on adversarial text: %s',
      (_, text) => {
        expect(count(text)).toBe(reference.encode(text, [], []).length);
        // Every prefix of a text crossing piece boundaries: catches cache and scratch-buffer reuse bugs.
        for (let end = 1; end < 300 && end < text.length; end += 7) {
          expect(count(text.slice(0, end))).toBe(
            reference.encode(text.slice(0, end), [], []).length,
          );
        }
      },
      120_000,
    );

    it('on pieces of every length through the heap threshold', () => {
      const alphabet = ['a', 'b', 'ab', ' ', '😀', 'é', '{', '}', '\u0301', 'ing'];
      let seed = 7;
      const random = (n: number): number => {
        seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
        return seed % n;
      };
      for (let length = 1; length < 400; length += 3) {
        let word = '';
        while (word.length < length) word += alphabet[random(alphabet.length)];
        expect(count(word)).toBe(reference.encode(word, [], []).length);
      }
    });

    it('with special-token text the same as plain text, where encode() without arguments throws', () => {
      const text = 'before <|endoftext|> after';
      expect(() => reference.encode(text)).toThrow();
      expect(count(text)).toBe(reference.encode(text, [], []).length);
      expect(count('plain text')).toBe(reference.encode('plain text').length);
    });

    it('counts the empty string as zero', () => {
      expect(count('')).toBe(0);
    });
  },
);

describe.skipIf(!dataDir)(
  `counts equal js-tiktoken on every corpus file (${dataDir ? 'shared/data' : noDataReason})`,
  () => {
    it.each(tables.filter((t) => t.form === 'packed'))(
      '$name ($form)',
      ({ ranks, table }) => {
        const reference = new Tiktoken(ranks);
        const count = createBpeCounter(table);
        const files = corpusFiles(dataDir!);
        expect(files.length).toBeGreaterThan(100);
        const mismatches = files
          .filter(({ text }) => count(text) !== reference.encode(text, [], []).length)
          .map((f) => f.name);
        expect(mismatches).toEqual([]);
        const all = files.map((f) => f.text).join('\n');
        expect(count(all)).toBe(reference.encode(all, [], []).length);
      },
      120_000,
    );
  },
);

describe('hostile input stays linear', () => {
  it.each(encodings)('$name counts 200k-unit runs that js-tiktoken cannot finish', ({ ranks }) => {
    const count = createBpeCounter(ranks);
    const runs = ['a', ' ', '}', '😀', '\u0301', '[{},'];
    for (const unit of runs) {
      const small = count(unit.repeat(2000));
      const big = count(unit.repeat(200_000));
      // A run of one unit tokenizes periodically, so 100× the text is close to 100× the tokens.
      expect(big).toBeGreaterThan(small * 90);
      expect(big).toBeLessThan(small * 110);
    }
  });
});
