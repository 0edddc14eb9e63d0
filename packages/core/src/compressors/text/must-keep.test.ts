import { describe, expect, it } from 'vitest';
import { isMustKeepWord, mustKeepWordIndices, quotedSpans, splitWords } from './must-keep.js';

describe('must-keep words', () => {
  it.each([
    ['numbers', ['8080', '3.14', 'v2', '2024-01-31', '(42)']],
    ['hex and ids', ['0xdeadbeef', 'a3f9c2e1b7d04455', '550e8400-e29b-41d4-a716-446655440000']],
    ['ALL-CAPS identifiers', ['MAX_RETRIES', 'HTTP', 'ENOENT,', 'API.']],
    [
      'paths',
      [
        '/etc/nginx/nginx.conf',
        './src/index.ts',
        '~/.config/app',
        'C:\\Users\\me',
        'src/app.ts:12',
      ],
    ],
    ['URLs', ['https://example.com/a?b=1', 'www.example.com']],
    ['CLI flags', ['--dry-run', '-v', '--port=8080']],
    [
      'identifiers',
      [
        'getUserById',
        'HttpClient',
        'shard_id',
        'os.path.join',
        'package.json',
        '@scope/pkg',
        'me@example.com',
      ],
    ],
  ])('keeps %s', (_, words) => {
    for (const word of words) expect(isMustKeepWord(word), word).toBe(true);
  });

  it('lets plain prose go', () => {
    for (const word of [
      'the',
      'Install',
      'running,',
      "don't",
      'e.g.',
      'i.e.',
      'I',
      'A',
      '-',
      '—',
      'well-known',
      '(see',
      'etc.',
    ]) {
      expect(isMustKeepWord(word), word).toBe(false);
    }
  });

  it('keeps every word of a quoted string, but not words beside an apostrophe', () => {
    const text = `It said "connection refused by host" and \`npm ci\` failed; the users' files weren't 'really moved' here.`;
    const words = splitWords(text);
    const kept = [...mustKeepWordIndices(text, words)].map((i) => words[i]!.text);
    expect(kept).toEqual([
      '"connection',
      'refused',
      'by',
      'host"',
      '`npm',
      'ci`',
      "'really",
      "moved'",
    ]);
  });
});

describe('quotedSpans', () => {
  // The definition the scan follows.
  const QUOTED = /"[^"\n]{1,200}"|`[^`\n]{1,200}`|(?<![\w'])'[^'\n]{1,200}'(?![\w'])/g;
  const byRegex = (text: string) =>
    [...text.matchAll(QUOTED)].map((m) => [m.index, m.index + m[0].length]);

  it('finds what the quoted-string regex matches, on random texts of quotes, word characters and breaks', () => {
    const alphabet = ['"', "'", '`', 'a', 'Z', '7', '_', ' ', '\n', '.', 'é', "''", '""'];
    let seed = 12345;
    const random = (below: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % below;
    };
    for (let round = 0; round < 3000; round++) {
      let text = '';
      const length = random(40);
      for (let i = 0; i < length; i++) text += alphabet[random(alphabet.length)];
      expect(quotedSpans(text), JSON.stringify(text)).toEqual(byRegex(text));
    }
  });

  it('bounds a quoted string to 200 characters', () => {
    for (const inside of [199, 200, 201])
      for (const quote of ['"', '`', "'"]) {
        const text = `x ${quote}${'a'.repeat(inside)}${quote} y`;
        expect(quotedSpans(text)).toEqual(byRegex(text));
        expect(quotedSpans(text)).toHaveLength(inside <= 200 ? 1 : 0);
      }
  });
});
