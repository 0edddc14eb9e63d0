import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { installedPath } from '../../test-utils/package-file.node.js';
import { sentenceText, sentenceUnits, splitSentences } from './sentences.js';

const texts = (text: string) => splitSentences(text).map((s) => sentenceText(text, s));

describe('splitSentences', () => {
  it('splits after . ! ? before a capital or digit, not after abbreviations, initials or list numbers', () => {
    const text =
      'Install it, e.g. with npm. Then run it! Does it work? 3 tests pass. Ask Dr. Smith or J. Doe.\n1. First step';
    expect(texts(text)).toEqual([
      'Install it, e.g. with npm.',
      'Then run it!',
      'Does it work?',
      '3 tests pass.',
      'Ask Dr. Smith or J. Doe.',
      '1. First step',
    ]);
  });

  it('ends a sentence after a whole run of marks, and reads a page of marks that ends none in one pass', () => {
    expect(texts('Wait... What?!) Yes. Fine.. No')).toEqual([
      'Wait...',
      'What?!)',
      'Yes.',
      'Fine..',
      'No',
    ]);
    // Trying each dot of the run as a sentence end took ~3 s of CPU for this; the conformance suite times it.
    const marks = `Dots${'.'.repeat(20_000)} And${'?'.repeat(20_000)}b`;
    expect(texts(marks)).toEqual([`Dots${'.'.repeat(20_000)}`, `And${'?'.repeat(20_000)}b`]);
  });

  it('keeps each row of aligned columns apart, where long plain lines would flow together', () => {
    // `git log --stat`: rows longer than a wrapped line, with no sentence end, are still one row each.
    const stat = [
      '    Support prereleases for non-initial CPython releases and handle exceptions',
      '    in the version script correctly',
      '',
      ' .github/workflows/macos_build.yml                  |   54 +',
      ' .github/workflows/modified_scripts_build.yml       |   45 +',
      ' plugins/python-build/bin/python-build              | 2650 ++++++++++++++++++++++',
      ' 3 files changed, 2749 insertions(+)',
    ].join('\n');
    expect(texts(stat)).toEqual([
      'Support prereleases for non-initial CPython releases and handle exceptions\n    in the version script correctly',
      '.github/workflows/macos_build.yml                  |   54 +',
      '.github/workflows/modified_scripts_build.yml       |   45 +',
      'plugins/python-build/bin/python-build              | 2650 ++++++++++++++++++++++',
      '3 files changed, 2749 insertions(+)',
    ]);
  });

  it('does not split inside versions, decimals, file names or URLs', () => {
    expect(
      texts('Use node 20.20 with tsconfig.json from https://example.com/a.b. Done here.'),
    ).toEqual(['Use node 20.20 with tsconfig.json from https://example.com/a.b.', 'Done here.']);
  });

  it('keeps headings and fenced code blocks whole, with their line and paragraph', () => {
    const text =
      '# Title\n\nIntro one. Intro two.\n\n```js\nconst a = 1. B = 2;\n\nlet c;\n```\nAfter code.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => [s.kind, sentenceText(text, s), s.flow, s.paragraph])).toEqual([
      ['heading', '# Title', 0, 0],
      ['sentence', 'Intro one.', 1, 1],
      ['sentence', 'Intro two.', 1, 1],
      ['code', '```js\nconst a = 1. B = 2;\n\nlet c;\n```', 2, 2],
      ['sentence', 'After code.', 3, 2],
    ]);
  });

  it('lets sentences run across hard-wrapped lines, but not into list items, tables or quotes', () => {
    const text = [
      'Permission is hereby granted, free of charge, to any person obtaining',
      'a copy of this software. The above copyright notice shall be included',
      'in all copies.',
      '- a list item that is long enough to wrap around the line',
      '| a | table |',
      'Short line',
      'Next line',
    ].join('\n');
    expect(texts(text)).toEqual([
      'Permission is hereby granted, free of charge, to any person obtaining\na copy of this software.',
      'The above copyright notice shall be included\nin all copies.',
      '- a list item that is long enough to wrap around the line',
      '| a | table |',
      'Short line',
      'Next line',
    ]);
  });

  it('lets quoted lines flow together, with a bare > as a paragraph break', () => {
    const text =
      '> The above notice shall be included in all\n> copies of the Software. It is free.\n>\n> Second paragraph here.';
    const sentences = splitSentences(text);
    expect(sentences.map((s) => [sentenceText(text, s), s.paragraph])).toEqual([
      ['> The above notice shall be included in all\n> copies of the Software.', 0],
      ['It is free.', 0],
      ['> Second paragraph here.', 1],
    ]);
  });

  it('keeps a flow’s indentation with its first sentence', () => {
    const text = 'Items:\n  - first item. Second part.';
    const [, first, second] = splitSentences(text);
    expect(text.slice(first!.start, first!.end)).toBe('  - first item.');
    expect(text.slice(second!.start, second!.end)).toBe('Second part.');
  });

  it('runs an unclosed fence to the end and handles CRLF text', () => {
    expect(texts('Text here.\r\n```\r\ncode\r\n')).toEqual(['Text here.', '```\r\ncode']);
  });

  it('covers every word of a real README exactly once', () => {
    const text = readFileSync(installedPath('web-tree-sitter', 'README.md'), 'utf8');
    const sentences = splitSentences(text);
    expect(sentences.length).toBeGreaterThan(50);
    for (let i = 1; i < sentences.length; i += 1)
      expect(sentences[i]!.start).toBeGreaterThanOrEqual(sentences[i - 1]!.end);
    const covered = sentences.map((s) => text.slice(s.start, s.end)).join(' ');
    expect(covered.split(/\s+/).filter(Boolean)).toEqual(text.split(/\s+/).filter(Boolean));
  });

  it('gives retrieval the same sentences as units', async () => {
    const text = 'One fact here. Another fact there.';
    expect(await sentenceUnits(text, { kind: 'text' })).toEqual([
      'One fact here.',
      'Another fact there.',
    ]);
  });
});
