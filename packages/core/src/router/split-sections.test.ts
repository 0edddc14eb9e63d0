import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataDir, dataPath, noDataReason } from '../test-utils/data-dir.node.js';
import { detectContent } from './detect-content.js';
import { readInstalled } from '../test-utils/package-file.node.js';
import { splitSections, type Section } from './split-sections.js';

/** Each section is the text at its offset; sections are in order and do not overlap. */
function expectConsistent(text: string, sections: readonly Section[]) {
  let end = 0;
  for (const section of sections) {
    expect(text.slice(section.start, section.start + section.text.length)).toBe(section.text);
    expect(section.start).toBeGreaterThanOrEqual(end);
    end = section.start + section.text.length;
  }
}

describe('splitSections on real READMEs', () => {
  it('splits the zod README into prose and fenced code, fences excluded, offsets exact', () => {
    const readme = readInstalled('zod', 'README.md');
    const sections = splitSections(readme);
    expectConsistent(readme, sections);
    const fenced = sections.filter((section) => section.lang !== undefined);
    expect(fenced.length).toBeGreaterThan(5);
    expect(new Set(fenced.map((section) => section.lang))).toContain('ts');
    for (const section of sections) expect(section.text).not.toMatch(/^ {0,3}```/m);
    // Everything outside the sections is fence lines and blank space.
    let outside = readme;
    for (const section of [...sections].reverse())
      outside =
        outside.slice(0, section.start) + outside.slice(section.start + section.text.length);
    expect(
      outside.split('\n').filter((line) => line.trim() && !/^ {0,3}(?:```|~~~)/.test(line)),
    ).toEqual([]);
  });

  it('fenced TypeScript sections of the hono README route as code, its prose as text', () => {
    const sections = splitSections(readInstalled('hono', 'README.md'));
    const code = sections.filter((section) => section.lang === 'ts');
    expect(code.length).toBeGreaterThan(0);
    for (const section of code)
      expect(detectContent(section.text, { fileName: `snippet.${section.lang}` })).toMatchObject({
        kind: 'code',
        language: 'typescript',
      });
    expect(code.some((section) => detectContent(section.text).kind === 'code')).toBe(true);
    for (const section of sections.filter((s) => s.lang === undefined))
      expect(detectContent(section.text).kind).not.toBe('code');
  });

  it('handles CRLF files (the TypeScript README)', () => {
    const readme = readInstalled('typescript', 'README.md');
    const sections = splitSections(readme);
    expectConsistent(readme, sections);
    expect(sections.find((section) => section.lang === 'bash')?.text).toBe(
      'npm install -D typescript\r\n',
    );
  });

  it.skipIf(!dataDir)(
    `reStructuredText heading underlines (~~~~) in Python docstrings are not fences (${dataDir ? 'corpora found' : noDataReason})`,
    () => {
      const source = readFileSync(
        dataPath('code/python/requests/src/requests/sessions.py'),
        'utf8',
      );
      expect(splitSections(source)).toEqual([{ text: source, start: 0 }]);
    },
  );
});

describe('splitSections rules', () => {
  it('text without fences is one section; blank text has none', () => {
    expect(splitSections('plain prose\nwith two lines')).toEqual([
      { text: 'plain prose\nwith two lines', start: 0 },
    ]);
    expect(splitSections('')).toEqual([]);
    expect(splitSections('  \n\n')).toEqual([]);
  });

  it('reports the info word as lang, and an empty lang for a bare fence', () => {
    const text = 'Run:\n```sh title="setup"\nnpm i\n```\nThen:\n```\nplain\n```\n';
    expect(splitSections(text)).toEqual([
      { text: 'Run:\n', start: 0 },
      { text: 'npm i\n', start: text.indexOf('npm i'), lang: 'sh' },
      { text: 'Then:\n', start: text.indexOf('Then:') },
      { text: 'plain\n', start: text.indexOf('plain'), lang: '' },
    ]);
  });

  it('closes only on the same fence character, at least as long, with nothing after it', () => {
    const text = '````md\n```js\nx()\n```\n~~~\n```` trailing\n````\nafter\n';
    const sections = splitSections(text);
    expect(sections[0]).toEqual({
      text: '```js\nx()\n```\n~~~\n```` trailing\n',
      start: 7,
      lang: 'md',
    });
    expect(sections[1]).toEqual({ text: 'after\n', start: text.indexOf('after') });
  });

  it('tilde fences with an info word work; an indented (4 spaces) fence is not a fence', () => {
    expect(splitSections('~~~python\nprint(1)\n~~~\n')).toEqual([
      { text: 'print(1)\n', start: 10, lang: 'python' },
    ]);
    expect(splitSections('text\n    ```\n    code\n    ```\n')).toHaveLength(1);
  });

  it('an unclosed fence runs to the end of the text', () => {
    expect(splitSections('Intro\n```go\nfunc main() {}\n')).toEqual([
      { text: 'Intro\n', start: 0 },
      { text: 'func main() {}\n', start: 12, lang: 'go' },
    ]);
  });

  it('backticks in the info string mean an inline code span, not a fence', () => {
    expect(splitSections('``` not `a` fence\ntext\n')).toHaveLength(1);
  });
});
