import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import cl100k from 'js-tiktoken/ranks/cl100k_base';
import o200k from 'js-tiktoken/ranks/o200k_base';
import { describe, expect, it } from 'vitest';
import { dataDir, noDataReason } from '../test-utils/data-dir.node.js';
import { asciiScannerFor, type AsciiScanner } from './ascii-pieces.js';

const patterns = [
  { name: 'o200k_base', pattern: o200k.pat_str },
  { name: 'cl100k_base', pattern: cl100k.pat_str },
];

/** Pieces as the counter cuts them: the scanner where it answers, the regex for one piece where it does not. */
function hybridPieces(scan: AsciiScanner, pattern: string, text: string): string[] {
  const sticky = new RegExp(pattern, 'uy');
  const pieces: string[] = [];
  let at = 0;
  while (at < text.length) {
    let end = scan(text, at);
    if (end < 0) {
      sticky.lastIndex = at;
      end = at + sticky.exec(text)![0].length;
    }
    pieces.push(text.slice(at, end));
    at = end;
  }
  return pieces;
}

function regexPieces(pattern: string, text: string): string[] {
  return [...text.matchAll(new RegExp(pattern, 'gu'))].map((m) => m[0]);
}

describe.each(patterns)('$name ASCII scanner', ({ pattern }) => {
  const scan = asciiScannerFor(pattern)!;

  it('is known for the pattern js-tiktoken ships', () => {
    expect(scan).toBeDefined();
    expect(asciiScannerFor('\\w+|\\s+')).toBeUndefined();
  });

  it('cuts random text exactly where the regex does', () => {
    // Every ASCII class the patterns tell apart, contraction material, and non-ASCII neighbours:
    // letters, marks, numbers and spaces (the regex decides) and punctuation (the scanner does),
    // in and out of surrogate pairs, paired or lone.
    const ascii = [
      ...'aZ09 \t\n\r\v\f\'sStTreRElLvVmMdD/.,;{}[]()"-_=+*&^%$#@!~`|\\<>?:\u0000\u001f\u007f',
    ];
    const nonAscii = [
      'é',
      'É',
      '\u00a0',
      '\u0301',
      '١',
      '😀',
      '\uD800',
      '\uDC00',
      '\u2028',
      '’',
      '—',
      '€',
      '𝐀',
    ];
    let seed = 11;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const length = 1 + random(40);
      // Mostly ASCII, as real input is; sometimes dense non-ASCII.
      const share = random(4) === 0 ? 0.3 : 0.03;
      for (let i = 0; i < length; i++)
        text +=
          random(1000) / 1000 < share
            ? nonAscii[random(nonAscii.length)]
            : ascii[random(ascii.length)];
      expect(hybridPieces(scan, pattern, text), JSON.stringify(text)).toEqual(
        regexPieces(pattern, text),
      );
    }
  });
});

describe.skipIf(!dataDir)(
  `ASCII scanner on every corpus file (${dataDir ? 'shared/data' : noDataReason})`,
  () => {
    it.each(patterns)(
      '$name cuts them exactly where the regex does',
      ({ pattern }) => {
        const scan = asciiScannerFor(pattern)!;
        const walk = (dir: string): string[] =>
          readdirSync(dir).flatMap((entry) => {
            const path = join(dir, entry);
            return statSync(path).isDirectory() ? walk(path) : [path];
          });
        for (const file of walk(dataDir!)) {
          const text = readFileSync(file, 'utf8');
          const hybrid = hybridPieces(scan, pattern, text);
          const regex = regexPieces(pattern, text);
          expect(hybrid.length, file).toBe(regex.length);
          expect(hybrid, file).toEqual(regex);
        }
      },
      120_000,
    );
  },
);
