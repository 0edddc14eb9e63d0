import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dataDir, dataPath, noDataReason } from '../test-utils/data-dir.node.js';
import { detectContent } from './detect-content.js';
import { installedPath, readInstalled } from '../test-utils/package-file.node.js';
import { HEAD_CHARS } from './sample.js';

describe('detectContent: bad input', () => {
  it('empty and blank text is text', () => {
    expect(detectContent('')).toMatchObject({ kind: 'text', confidence: 0.5 });
    expect(detectContent(' \n\t\n')).toMatchObject({ kind: 'text', confidence: 0.5 });
  });

  it('a real binary (a tree-sitter grammar .wasm decoded as UTF-8) is flagged binary', () => {
    const wasm = readFileSync(
      installedPath('@vscode/tree-sitter-wasm', 'wasm/tree-sitter-cpp.wasm'),
      'utf8',
    );
    expect(detectContent(wasm)).toMatchObject({ kind: 'text', confidence: 1, binary: true });
  });

  it('bytes that are not UTF-8 (replacement characters, no NUL) are flagged binary', () => {
    const bytes = Uint8Array.from({ length: 3000 }, (_, i) => (i * 151 + 7) % 256).filter(
      (b) => b !== 0,
    );
    expect(detectContent(new TextDecoder().decode(bytes)).binary).toBe(true);
  });

  it('lone surrogates do not throw', () => {
    const broken = `\uD800${readInstalled('typescript', 'README.md')}\uDFFF{"a":"\uD83D"}`;
    expect(() => detectContent(broken)).not.toThrow();
    expect(detectContent('{"name": "\uD800"}').kind).toBe('json');
  });

  it('only the head is read: 50 MB appended after it do not change the verdict', () => {
    const text = readInstalled('typescript', 'README.md');
    const padded = `${text}\n${'x'.repeat(HEAD_CHARS)}`;
    const huge = `${padded}${'{'.repeat(50 * 1024 * 1024)}`;
    expect(detectContent(huge)).toEqual(detectContent(padded));
  });

  it.skipIf(!dataDir)(`a 50 MB log is a log (${dataDir ? 'corpora found' : noDataReason})`, () => {
    const log = readFileSync(dataPath('logs/Spark_2k.log'), 'utf8');
    const big = log.repeat(Math.ceil((50 * 1024 * 1024) / log.length));
    expect(detectContent(big)).toMatchObject({ kind: 'log' });
  });
});

describe('detectContent: order and hints', () => {
  it('JSON wins over what its strings look like', () => {
    const lines = readInstalled('typescript', 'README.md').split(/\r?\n/);
    expect(detectContent(JSON.stringify(lines, null, 2)).kind).toBe('json');
  });

  it('a file name with a code extension makes a short or signature-poor file code', () => {
    expect(detectContent('x = compute(1)\nprint(x)\n', { fileName: 'src/app.py' })).toMatchObject({
      kind: 'code',
      language: 'python',
      confidence: 0.9,
    });
    expect(detectContent('export * from "./a";\n', { fileName: 'index.d.ts' })).toMatchObject({
      kind: 'code',
      language: 'typescript',
    });
    expect(detectContent('fn main() {}\n', { fileName: 'C:\\work\\src\\MAIN.RS' })).toMatchObject({
      kind: 'code',
      language: 'rust',
    });
  });

  it('.md names steer to text, .log to log; unknown names and unparsable .json fall back to the content', () => {
    const ts = readInstalled('ai', 'src/util/error-handler.ts');
    expect(
      detectContent(readInstalled('zod', 'README.md'), { fileName: 'README.md' }),
    ).toMatchObject({ kind: 'text', confidence: 0.8 });
    expect(
      detectContent('build started\nbuild finished\n', { fileName: 'logs/build.log' }).kind,
    ).toBe('log');
    expect(detectContent(readInstalled('etag', 'HISTORY.md'), { fileName: 'Makefile' }).kind).toBe(
      'text',
    );
    const jsonc = '{\n  // comment\n  "compilerOptions": { "strict": true }\n}\n';
    expect(detectContent(jsonc, { fileName: 'tsconfig.json' }).kind).not.toBe('json');
    expect(detectContent(ts, { fileName: 'notes.txt' }).kind).toBe('text');
  });
});
