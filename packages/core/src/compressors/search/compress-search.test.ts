import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findMarkerKeys } from '../../ccr/marker.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { hostileTexts } from '../../test-utils/hostile-texts.js';
import { installedPackageDir } from '../../test-utils/package-file.node.js';
import { dataDir, dataPath, noDataReason } from '../../test-utils/data-dir.node.js';
import { detectContent } from '../../router/detect-content.js';
import { routingCorpus } from '../../router/__fixtures__/real-samples.node.js';
import { compressSearch } from './compress-search.js';
import { parseSearch, type SearchLine } from './parse-search.js';

/** Real `grep -rn` output over the shared code corpus, sorted so the test is stable across file systems. */
function grep(...args: string[]): string {
  const out = execFileSync('grep', ['-rn', ...args, '.'], {
    cwd: dataPath('code'),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return out
    .split('\n')
    .filter(Boolean)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join('\n');
}

/** This package's root, whose own sources are searched with git grep. */
const packageRoot = fileURLToPath(new URL('../../..', import.meta.url));

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const matchesPerFile = (text: string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const line of parseSearch(text).lines)
    if (line.match) counts.set(line.path, (counts.get(line.path) ?? 0) + 1);
  return counts;
};

describe.skipIf(!dataDir)(
  dataDir
    ? 'compressSearch on real grep output'
    : `compressSearch on real grep output: ${noDataReason}`,
  () => {
    it('keeps at most 15 files in their original order, and names every dropped file with its match count', async () => {
      const text = grep('Error');
      const { ctx } = await createTestContext();
      const output = compressSearch(text, ctx).text;
      const before = matchesPerFile(text);
      const after = matchesPerFile(output);
      expect(before.size).toBeGreaterThan(15);
      expect(after.size).toBe(15);
      expect([...after.keys()]).toEqual([...before.keys()].filter((p) => after.has(p)));
      for (const [path, n] of after) {
        expect(n).toBeLessThanOrEqual(5);
        expect(n).toBeLessThanOrEqual(before.get(path)!);
      }
      expect(output).toContain(`[${before.size - 15} more files with matches, not shown:]`);
      for (const [path, n] of before) {
        if (after.has(path)) continue;
        const cut = path.lastIndexOf('/') + 1;
        expect(output).toMatch(
          new RegExp(
            `^\\[${escapeRegExp(path.slice(0, cut))}: (?:.*, )?${escapeRegExp(path.slice(cut))} \\(${n}\\)(?:,|\\]$)`,
            'm',
          ),
        );
      }
      // Every shown line is verbatim, indentation included.
      const original = new Set(text.split('\n'));
      for (const line of output.split('\n'))
        if (!line.startsWith('[') && !line.startsWith('<<ccr:'))
          expect(original.has(line)).toBe(true);
      expect(ctx.countTokens(output)).toBeLessThan(ctx.countTokens(text) * 0.2);
    });

    it('shows the matches the query is about and one per other file, and lists the rest by line number', async () => {
      const text = grep('-i', 'timeout', 'python/requests');
      const { ctx } = await createTestContext({
        query: 'how is the connect timeout passed to urllib3',
      });
      const output = compressSearch(text, ctx).text;
      const byFile = new Map<string, SearchLine[]>();
      for (const line of parseSearch(text).lines)
        byFile.set(line.path, [...(byFile.get(line.path) ?? []), line]);
      const outputLines = new Set(output.split('\n'));
      for (const [path, lines] of byFile) {
        const shown = lines.filter((l) => outputLines.has(l.raw));
        if (shown.length === 0) continue; // a dropped file, named below the shown ones
        const rest = lines.filter((l) => !outputLines.has(l.raw));
        if (rest.length === 0) continue;
        const more = output
          .split('\n')
          .find((l) => l.startsWith(`[… ${rest.length} more `) && l.includes(` in ${path}: `));
        expect(more, path).toBeDefined();
        if (rest.length <= 16)
          for (const l of rest) expect(more).toMatch(new RegExp(`[ ,]${l.line}[,;\\]]`));
      }
      const adapters = byFile.get('./python/requests/src/requests/adapters.py')!;
      expect(adapters.length).toBeGreaterThan(5);
      const shown = adapters.filter((l) => outputLines.has(l.raw));
      expect(shown.filter((l) => /connect/i.test(l.text)).length).toBeGreaterThan(1);
      expect(shown.length).toBeLessThan(adapters.length);
    });

    it('stores the original and answers a query with the matching lines', async () => {
      const text = grep('Error');
      const { ctx, store } = await createTestContext();
      const [key] = findMarkerKeys(compressSearch(text, ctx).text);
      expect((await retrieve(store, key!)).content).toBe(text);
      const found = await retrieve(store, key!, { query: 'InvalidJSONError' });
      const wanted = text.split('\n').filter((l) => l.includes('InvalidJSONError'));
      expect(wanted.length).toBeGreaterThan(2);
      const foundLines = found.content.split('\n');
      for (const line of wanted) expect(foundLines).toContain(line);
      expect(foundLines.length).toBeLessThan(text.split('\n').length / 10);
    });

    it('keeps context lines next to kept matches, and removes duplicate lines', async () => {
      const text = grep('-C3', 'timeout', 'python/requests/src/requests/sessions.py');
      const doubled = `${text}\n${text}`;
      const { ctx } = await createTestContext();
      const output = compressSearch(doubled, ctx).text;
      const lines = output.split('\n').filter((l) => l.startsWith('./'));
      expect(new Set(lines).size).toBe(lines.length);
      expect(
        lines.some((l) => /^\.\/python\/requests\/src\/requests\/sessions\.py-\d+-/.test(l)),
      ).toBe(true);
      expect(output).toMatch(/duplicate lines removed/);
    });
  },
);

describe('parseSearch', () => {
  it('reads match, column and context lines, Windows paths, and dashes inside file names', () => {
    const parsed = parseSearch(
      [
        'src/app.ts:12:  const x = 1;',
        'src/app.ts:14:3:call()',
        'C:\\work\\my-2-file.txt:7:hello',
        'C:\\work\\my-2-file.txt-8-  world: 1:2:3',
        '--',
        'not a result',
      ].join('\n'),
    );
    expect(parsed.notes).toEqual(['not a result']);
    expect(
      parsed.lines.map(({ path, line, match, text }) => ({ path, line, match, text })),
    ).toEqual([
      { path: 'src/app.ts', line: 12, match: true, text: '  const x = 1;' },
      { path: 'src/app.ts', line: 14, match: true, text: 'call()' },
      { path: 'C:\\work\\my-2-file.txt', line: 7, match: true, text: 'hello' },
      { path: 'C:\\work\\my-2-file.txt', line: 8, match: false, text: '  world: 1:2:3' },
    ]);
  });

  it('leaves text that is not search output alone', async () => {
    const { ctx } = await createTestContext();
    const prose = Array.from(
      { length: 30 },
      (_, i) => `Paragraph ${i}: nothing to see at 10:30.`,
    ).join('\n');
    expect(compressSearch(prose, ctx).text).toBe(prose);
  });
});

describe('compressSearch on bad input', () => {
  it('returns a string for binary, surrogate, huge-line and blank input without throwing', async () => {
    const { ctx } = await createTestContext();
    for (const text of hostileTexts()) {
      const output = compressSearch(text, ctx).text;
      expect(typeof output).toBe('string');
      if (output !== text) expect(output.length).toBeLessThan(text.length);
    }
  });
});

describe('compressSearch on minified files', () => {
  it('cuts shown lines of a minified bundle, saying how much is left, and keeps them in CCR', async () => {
    const text = execFileSync('grep', ['-n', 'function', 'lodash.min.js', 'core.min.js'], {
      cwd: installedPackageDir('lodash'),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(text.split('\n').some((l) => l.length > 1000)).toBe(true);
    const { ctx, store } = await createTestContext({ query: 'debounce' });
    const output = compressSearch(text, ctx).text;
    for (const line of output.split('\n')) expect(line.length).toBeLessThan(460);
    expect(output).toMatch(/… \[\+\d+ chars\]$/m);
    const [key] = findMarkerKeys(output);
    expect((await retrieve(store, key!)).content).toBe(text);
    const found = await retrieve(store, key!, { query: 'debounce' });
    const wanted = text.split('\n').filter((l) => l.includes('debounce'));
    for (const line of wanted) expect(found.content.split('\n')).toContain(line);
  });

  it('cuts the lines of a search whose every match is shown', async () => {
    // One long match in each of two files: both are shown, as each file keeps one.
    const lines = execFileSync('grep', ['-Hn', 'function', 'core.min.js', 'lodash.min.js'], {
      cwd: installedPackageDir('lodash'),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    })
      .split('\n')
      .filter((line) => line.length > 500);
    const text = ['core.min.js:', 'lodash.min.js:']
      .map((file) => lines.find((l) => l.startsWith(file))!)
      .join('\n');
    const { ctx } = await createTestContext();
    const output = compressSearch(text, ctx).text;
    expect(output.length).toBeLessThan(text.length);
    expect(output).toMatch(/all 2 matches shown, long lines cut; call headroom_retrieve>>$/);
  });
});

describe('compressSearch on heading-mode output (git grep --heading, rg --heading)', () => {
  it('reads hits under their path heading, shows them under it, and retrieval gives the path back', async () => {
    const text = execFileSync(
      'git',
      ['grep', '--no-index', '--heading', '--break', '-n', '-C1', 'export function', '--', 'src'],
      { cwd: packageRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    const parsed = parseSearch(text);
    expect(parsed.lines.every((l) => l.headed)).toBe(true);
    expect(parsed.notes).toEqual([]);
    const { ctx, store } = await createTestContext({ query: 'where is cutLongLine defined?' });
    const output = compressSearch(text, ctx).text;
    expect(ctx.countTokens(output)).toBeLessThan(ctx.countTokens(text) * 0.3);
    expect(output).toMatch(
      /^src\/util\/truncate\.ts\n(?:\d+-.*\n)*\d+:export function cutLongLine\(/m,
    );
    const [key] = findMarkerKeys(output);
    const found = await retrieve(store, key!, { query: 'cutLongLine' });
    expect(found.content).toMatch(/^src\/util\/truncate\.ts:\d+:export function cutLongLine\(/m);
  });
});

describe('compressSearch on agent tool output around the hits', () => {
  const gitGrep = (): string =>
    execFileSync('git', ['grep', '-n', 'export function', '--', 'src'], {
      cwd: packageRoot,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });

  it("keeps an MCP tool's header line above the hits it selects", async () => {
    const hits = gitGrep();
    const count = hits.trim().split('\n').length;
    const text = `Found ${count} matches\n${hits}`;
    const { ctx } = await createTestContext({ query: 'where is cutLongLine defined?' });
    const output = compressSearch(text, ctx).text;
    expect(output.split('\n')[0]).toBe(`Found ${count} matches`);
    expect(output).toMatch(/^src\/util\/truncate\.ts:\d+:export function cutLongLine\(/m);
    expect(ctx.countTokens(output)).toBeLessThan(ctx.countTokens(text) * 0.3);
  });

  it('reads paths with spaces and colons, and brings the queried hit back whole', async () => {
    const text = gitGrep().replaceAll('src/util/', 'My Project/src/u:til/');
    const { ctx, store } = await createTestContext({ query: 'where is cutLongLine defined?' });
    const output = compressSearch(text, ctx).text;
    expect(output).toMatch(
      /^My Project\/src\/u:til\/truncate\.ts:\d+:export function cutLongLine\(/m,
    );
    const [key] = findMarkerKeys(output);
    const found = await retrieve(store, key!, { query: 'cutLongLine' });
    expect(found.content).toMatch(
      /^My Project\/src\/u:til\/truncate\.ts:\d+:export function cutLongLine\(/m,
    );
  });

  it('reads `rg --heading` output whose paths have spaces', () => {
    const heading = routingCorpus().find((e) => e.file === 'rg-heading-context.txt')!.text;
    const spaced = heading.replace(/^lib\//gm, 'My Project/lib/');
    const parsed = parseSearch(spaced);
    expect(parsed.notes).toEqual([]);
    expect(parsed.lines.every((l) => l.headed && l.path.startsWith('My Project/lib/'))).toBe(true);
    expect(parsed.lines.length).toBe(parseSearch(heading).lines.length);
  });

  it('reads coloured output (`--color=always`) and shows it without the colour codes', async () => {
    const text = execFileSync(
      'git',
      ['grep', '--color=always', '-n', 'export function', '--', 'src'],
      { cwd: packageRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
    expect(text).toContain('\u001b[');
    expect(detectContent(text).kind).toBe('search');
    const { ctx, store } = await createTestContext({ query: 'where is cutLongLine defined?' });
    const output = compressSearch(text, ctx).text;
    expect(output).not.toContain('\u001b');
    expect(output).toMatch(/^src\/util\/truncate\.ts:\d+:export function cutLongLine\(/m);
    expect(ctx.countTokens(output)).toBeLessThan(ctx.countTokens(text) * 0.2);
    const [key] = findMarkerKeys(output);
    expect((await retrieve(store, key!)).content).toBe(text);
    const found = await retrieve(store, key!, { query: 'cutLongLine' });
    expect(found.content).toMatch(/^src\/util\/truncate\.ts:\d+:export function cutLongLine\(/m);
  });

  it('shows at most five lines that are not matches and counts the rest', async () => {
    const hits = gitGrep().split('\n').filter(Boolean);
    const notes = Array.from({ length: 8 }, (_, i) => `Binary file dist/chunk-${i}.js matches`);
    const text = [...hits.slice(0, 40), ...notes, ...hits.slice(40)].join('\n');
    const { ctx } = await createTestContext();
    const output = compressSearch(text, ctx).text.split('\n');
    expect(output.slice(0, 6)).toEqual([
      ...notes.slice(0, 5),
      '[… 3 more lines that are not matches]',
    ]);
  });
});
