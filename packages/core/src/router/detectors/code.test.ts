import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir, dataPath, noDataReason } from '../../test-utils/data-dir.node.js';
import type { CodeLanguage } from '../../types.js';
import { detectContent } from '../detect-content.js';
import { everyNth, filesUnder } from '../__fixtures__/real-samples.node.js';
import { installedPath, readInstalled } from '../../test-utils/package-file.node.js';

const corpora: Array<{
  language: CodeLanguage;
  dir: string;
  extensions: string[];
  minShare: number;
}> = [
  { language: 'python', dir: 'python', extensions: ['.py'], minShare: 0.95 },
  // cobra's shell-completion files are mostly bash inside Go raw strings: without a file name they read as text.
  { language: 'go', dir: 'go', extensions: ['.go'], minShare: 0.8 },
  { language: 'rust', dir: 'rust', extensions: ['.rs'], minShare: 0.95 },
  { language: 'java', dir: 'java', extensions: ['.java'], minShare: 0.95 },
  { language: 'cpp', dir: 'cpp', extensions: ['.h', '.cc'], minShare: 0.95 },
];

/** Share of files detected as code in `language`, with the misses for the failure message. */
function accuracy(files: readonly string[], language: CodeLanguage, hinted = false) {
  const misses: string[] = [];
  for (const file of files) {
    const detection = detectContent(readFileSync(file, 'utf8'), hinted ? { fileName: file } : {});
    if (detection.kind !== 'code' || detection.language !== language)
      misses.push(`${file} → ${detection.kind}/${detection.language ?? '-'}`);
  }
  return { share: 1 - misses.length / files.length, misses };
}

describe.skipIf(!dataDir)(
  `code detection on real projects (${dataDir ? 'corpora found' : noDataReason})`,
  () => {
    it.each(corpora)(
      '$language: at least $minShare of the source files are code in the right language from content alone',
      ({ language, dir, extensions, minShare }) => {
        const files = filesUnder(dataPath('code', dir), (path) =>
          extensions.includes(extname(path)),
        );
        expect(files.length).toBeGreaterThan(10);
        const { share, misses } = accuracy(files, language);
        expect(share, misses.join('\n')).toBeGreaterThanOrEqual(minShare);
      },
    );

    it.each(corpora)(
      '$language: every source file is code in the right language when the tool call names the file',
      ({ language, dir, extensions }) => {
        const files = filesUnder(dataPath('code', dir), (path) =>
          extensions.includes(extname(path)),
        );
        expect(accuracy(files, language, true).misses).toEqual([]);
      },
    );

    it('a Read-tool view with a `cat -n` gutter is still code', () => {
      const source = readFileSync(
        dataPath('code/python/requests/src/requests/sessions.py'),
        'utf8',
      );
      const numbered = source
        .split('\n')
        .map((line, i) => `${String(i + 1).padStart(6)}\t${line}`)
        .join('\n');
      expect(detectContent(numbered)).toMatchObject({ kind: 'code', language: 'python' });
    });
  },
);

describe('code detection on installed JavaScript and TypeScript', () => {
  const under = (pkg: string, dir: string, keep: (path: string) => boolean) =>
    filesUnder(installedPath(pkg, dir), keep);
  const isSource = (path: string) =>
    path.endsWith('.ts') && !path.endsWith('.d.ts') && !path.includes('.test.');
  const lines = (path: string) => readFileSync(path, 'utf8').split('\n').length;

  it('TypeScript sources (ai, zod, @anthropic-ai/sdk) of 20+ lines: 85% typescript, 98% JavaScript-family', () => {
    const files = everyNth(
      [
        ...under('ai', 'src', isSource),
        ...under('zod', 'src', isSource),
        ...under('@anthropic-ai/sdk', 'src', isSource),
      ].filter((path) => lines(path) >= 20),
      3,
    );
    expect(files.length).toBeGreaterThan(200);
    expect(accuracy(files, 'typescript').share).toBeGreaterThanOrEqual(0.85);
    const family = files.filter((file) =>
      ['typescript', 'javascript'].includes(
        detectContent(readFileSync(file, 'utf8')).language ?? '',
      ),
    );
    expect(family.length / files.length).toBeGreaterThanOrEqual(0.98);
  });

  it("TypeScript's own lib .d.ts files of 100+ lines are typescript", () => {
    const files = under('typescript', 'lib', (path) => path.endsWith('.d.ts')).filter(
      (path) => lines(path) >= 100,
    );
    expect(files.length).toBeGreaterThan(20);
    expect(accuracy(files, 'typescript').misses).toEqual([]);
  });

  it('JavaScript (vitest dist, express, hono dist, lodash) is javascript', () => {
    const files = [
      ...under('vitest', 'dist', (path) => path.endsWith('.js')),
      ...under('express', 'lib', (path) => path.endsWith('.js')),
      ...everyNth(
        under('hono', 'dist', (path) => path.endsWith('.js') && !path.includes('/cjs/')),
        2,
      ),
      ...everyNth(
        under('lodash', '.', (path) => path.endsWith('.js')),
        10,
      ),
    ];
    expect(files.length).toBeGreaterThan(200);
    const { share, misses } = accuracy(files, 'javascript');
    expect(share, misses.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('a .tsx file is tsx by its name; by content alone, JSX without annotations is JavaScript-family', () => {
    const path = installedPath('turbo', 'docs/guides/tools/create-turbo-callout.tsx');
    const tsx = readFileSync(path, 'utf8');
    expect(detectContent(tsx, { fileName: path })).toMatchObject({ kind: 'code', language: 'tsx' });
    expect(detectContent(tsx)).toMatchObject({ kind: 'code', language: 'javascript' });
  });

  it('TSX by content: JSX markup plus type annotations', () => {
    const tsx = readInstalled('turbo', 'docs/guides/tools/create-turbo-callout.tsx').replace(
      'export const CreateTurboCallout = () => (',
      'interface Props {\n  title?: string;\n}\n\nexport const CreateTurboCallout = ({ title }: Props): JSX.Element => (',
    );
    expect(detectContent(tsx)).toMatchObject({ kind: 'code', language: 'tsx' });
  });
});

describe('code detection guards', () => {
  it('a README with fenced code blocks is text (split into sections before routing)', () => {
    for (const [pkg, file] of [
      ['zod', 'README.md'],
      ['hono', 'README.md'],
      ['express', 'Readme.md'],
    ] as const) {
      expect(detectContent(readInstalled(pkg, file)).kind, pkg).toBe('text');
    }
  });

  it('prose is text', () => {
    const readme = readInstalled('typescript', 'README.md');
    const paragraph = readme
      .split(/\r?\n\r?\n/)
      .find((block) => block.length > 200 && /^[A-Z]/.test(block))!;
    expect(detectContent(paragraph)).toMatchObject({ kind: 'text', confidence: 0.5 });
    expect(detectContent(readInstalled('typescript', 'SECURITY.md')).kind).toBe('text');
  });

  it.skipIf(!dataDir)('license texts are text', () => {
    expect(
      detectContent(readFileSync(dataPath('code/rust/serde_json/LICENSE-APACHE'), 'utf8')).kind,
    ).toBe('text');
  });

  it('a markdown file name keeps a README text even when it is mostly code', () => {
    const fence = `Example:\n\n\`\`\`ts\n${readInstalled('ai', 'src/util/error-handler.ts')}\`\`\`\n`;
    expect(detectContent(fence, { fileName: 'docs/usage.md' }).kind).toBe('text');
  });
});
