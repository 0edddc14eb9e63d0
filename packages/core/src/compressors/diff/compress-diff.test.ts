import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMarkerKeys } from '../../ccr/marker.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { hostileTexts } from '../../test-utils/hostile-texts.js';
import { dataDir, dataPath, noDataReason } from '../../test-utils/data-dir.node.js';
import { git, replaceWith, repoWithChange } from '../../test-utils/git-repo.node.js';
import { installedPackageDir } from '../../test-utils/package-file.node.js';
import { compressDiff } from './compress-diff.js';
import { parseDiff } from './parse-diff.js';

// Two releases of the same npm package, as installed: a real upgrade diff.
const longRelease = (version: string) => installedPackageDir('long', version);

/** The changed (+/-) lines of a diff, without file headers. */
const changedLines = (diff: string): string[] =>
  parseDiff(diff).files.flatMap((f) =>
    f.hunks.flatMap((h) => h.lines.filter((l) => l[0] === '+' || l[0] === '-')),
  );

describe('compressDiff on a real upgrade diff (long 4.0.0 → 5.3.2)', () => {
  const { dir, diff } = repoWithChange(longRelease('4.0.0'), replaceWith(longRelease('5.3.2')));

  it('summarizes generated files and whitespace-only hunks in one line each and keeps every other change', async () => {
    const { ctx } = await createTestContext();
    const output = (await compressDiff(diff, ctx)).text;
    expect(output).toMatch(
      /^\[dist\/long\.js — generated, \+\d+ -\d+ lines in \d+ hunks? omitted\]$/m,
    );
    expect(output).toMatch(/^\[dist\/long\.js\.map — generated, /m);
    expect(output).toMatch(
      /^@@ -1,202 \+1,202 @@ \[whitespace-only change: \+202 -202 lines omitted\]$/m,
    );
    const outputLines = new Set(output.split('\n'));
    const kept = parseDiff(output).files.map((f) => f.path);
    for (const file of parseDiff(diff).files) {
      // Every file is either shown or named in a summary line.
      expect(kept.includes(file.path) || output.includes(`[${file.path} — `), file.path).toBe(true);
    }
    const readme = parseDiff(diff).files.find((f) => f.path === 'README.md')!;
    for (const line of readme.hunks.flatMap((h) =>
      h.lines.filter((l) => l[0] === '+' || l[0] === '-'),
    ))
      expect(outputLines.has(line)).toBe(true);
    expect(ctx.countTokens(output)).toBeLessThan(ctx.countTokens(diff) * 0.6);
  });

  it('stores the original, and a query for a summarized file returns its hunks', async () => {
    const { ctx, store } = await createTestContext();
    // The diff's own marker comes last (new code files carry their outline's marker).
    const key = findMarkerKeys((await compressDiff(diff, ctx)).text).at(-1);
    expect((await retrieve(store, key!)).content).toBe(diff);
    const found = await retrieve(store, key!, { query: 'dist/long.js Long.fromString radix' });
    expect(found.content).toContain('diff --git a/dist/long.js b/dist/long.js');
    expect(found.content).toMatch(/^@@ /m);
  });

  it('emits hunks that still apply: trimmed context is re-split with correct headers', async () => {
    const { ctx } = await createTestContext();
    const output = (await compressDiff(diff, ctx)).text;
    const patch = output
      .split('\n')
      .filter((l) => !l.startsWith('[') && !l.startsWith('<<ccr:'))
      .map((l) => l.replace(/ \[whitespace-only change: .*\]$/, ''))
      .join('\n');
    // Whitespace-only hunks have lost their body; check the rest applies to the old tree.
    const files = parseDiff(patch).files.filter((f) => f.hunks.every((h) => h.lines.length > 0));
    const applicable = files
      .map((f) => [...f.header, ...f.hunks.flatMap((h) => [h.header, ...h.lines])].join('\n'))
      .join('\n');
    git(dir, 'reset', '-q', '--hard', 'HEAD');
    writeFileSync(join(dir, 'trimmed.patch'), `${applicable}\n`);
    expect(() => git(dir, 'apply', '--check', 'trimmed.patch')).not.toThrow();
  });
});

describe("compressDiff on this repository's own history", () => {
  const repoRoot = resolve(
    dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
    '../../../../..',
  );
  const has = (rev: string): boolean => {
    try {
      git(repoRoot, 'cat-file', '-e', `${rev}^{commit}`);
      return true;
    } catch {
      return false;
    }
  };
  const available = has('7d9e523') && has('2ad992c');

  it.skipIf(!available)(
    'summarizes the lockfile in one line and trims context elsewhere (skipped in shallow clones)',
    async () => {
      const diff = git(repoRoot, 'diff', '7d9e523', '2ad992c');
      const { ctx } = await createTestContext();
      const output = (await compressDiff(diff, ctx)).text;
      expect(output).toMatch(
        /^\[pnpm-lock\.yaml — lockfile, \+\d+ -\d+ lines in \d+ hunks omitted\]$/m,
      );
      expect(output).not.toMatch(/^index [0-9a-f]+\.\./m);
      const outputLines = new Set(output.split('\n'));
      const notLockfile = parseDiff(diff).files.filter((f) => f.path !== 'pnpm-lock.yaml');
      for (const file of notLockfile) {
        for (const line of file.hunks.flatMap((h) =>
          h.lines.filter((l) => l[0] === '+' || l[0] === '-'),
        ))
          expect(outputLines.has(line)).toBe(true);
      }
      expect(output).toMatch(
        /<<ccr:[0-9a-f]{24} \d+ context lines, 1 file omitted from 5 files; call headroom_retrieve>>/,
      );
    },
  );
});

describe.skipIf(!dataDir)(
  dataDir
    ? 'compressDiff on edits to real source files'
    : `compressDiff on edits to real source files: ${noDataReason}`,
  () => {
    it('keeps the 20 biggest files in their original order and names each cut file', async () => {
      const root = dataDir ? dataPath('code', 'go', 'cobra') : '';
      const { diff } = repoWithChange(root, (dir) => {
        const files = execFileSync('git', ['ls-files', '*.go'], { cwd: dir, encoding: 'utf8' })
          .trim()
          .split('\n')
          .sort()
          .slice(0, 26);
        for (const [i, file] of files.entries()) {
          const path = join(dir, file);
          const lines = readFileSync(path, 'utf8').split('\n');
          // Edit i+1 lines spread through the file, so the files differ in change size.
          for (let k = 0; k <= i && k < lines.length; k++) {
            const at = Math.floor(((k + 0.5) * lines.length) / (i + 1));
            lines[at] = `${lines[at]}  # reviewed`;
          }
          writeFileSync(path, lines.join('\n'));
        }
      });
      const files = parseDiff(diff).files;
      expect(files.length).toBe(26);
      const { ctx } = await createTestContext();
      const output = (await compressDiff(diff, ctx)).text;
      const shown = parseDiff(output).files.map((f) => f.path);
      expect(shown).toHaveLength(20);
      expect(shown).toEqual(files.map((f) => f.path).filter((p) => shown.includes(p))); // original order
      const cut = files.filter((f) => !shown.includes(f.path));
      for (const file of cut)
        expect(output).toMatch(
          new RegExp(
            `^\\[${file.path.replace(/[.]/g, '\\.')} — cut: \\+\\d+ -\\d+ lines in \\d+ hunks? omitted\\]$`,
            'm',
          ),
        );
      // The cut files are the smallest changes.
      const size = (path: string) =>
        changedLines(diff).length &&
        files
          .find((f) => f.path === path)!
          .hunks.reduce((s, h) => s + h.lines.filter((l) => l[0] === '+').length, 0);
      expect(Math.max(...cut.map((f) => size(f.path)))).toBeLessThanOrEqual(
        Math.min(...shown.map(size)),
      );
    });
  },
);

describe('compressDiff edge cases', () => {
  it('passes small diffs and non-diffs through', async () => {
    const { ctx, stashed } = await createTestContext();
    const small = 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b';
    expect((await compressDiff(small, ctx)).text).toBe(small);
    const prose = Array.from({ length: 80 }, (_, i) => `line ${i}`).join('\n');
    expect((await compressDiff(prose, ctx)).text).toBe(prose);
    expect(stashed.size).toBe(0);
  });
});

describe('compressDiff on bad input', () => {
  it('returns a string for binary, surrogate, huge-line and blank input without throwing', async () => {
    const { ctx } = await createTestContext();
    for (const text of hostileTexts()) {
      const output = (await compressDiff(text, ctx)).text;
      expect(typeof output).toBe('string');
      if (output !== text) expect(output.length).toBeLessThan(text.length);
    }
  });
});

describe('compressDiff on git log -p with a large new file', () => {
  it('shows the first lines of a large pure addition, counts the rest, and the store gives the whole patch back', async () => {
    const log = readFileSync(
      join(
        dirname(new URL(import.meta.url).pathname),
        '../../router/__fixtures__/corpus/syslog.log',
      ),
      'utf8',
    );
    const lines = log.trimEnd().split('\n');
    const patch = [
      'commit 0123456789abcdef0123456789abcdef01234567',
      'Author: Dev <dev@example.com>',
      'Date:   Mon Nov 30 10:00:00 2026 +0000',
      '',
      '    Add a syslog sample',
      '',
      'diff --git a/fixtures/syslog.log b/fixtures/syslog.log',
      'new file mode 100644',
      'index 0000000..1111111',
      '--- /dev/null',
      '+++ b/fixtures/syslog.log',
      `@@ -0,0 +1,${lines.length} @@`,
      ...lines.map((line) => `+${line}`),
      '',
    ].join('\n');
    const { ctx, store } = await createTestContext();
    const output = (await compressDiff(patch, ctx)).text;
    expect(output).toContain('    Add a syslog sample');
    for (const line of lines.slice(0, 20)) expect(output).toContain(`+${line}`);
    expect(output).not.toContain(`+${lines[20]}`);
    expect(output).toContain(
      `[… ${lines.length - 20} more added lines of fixtures/syslog.log omitted]`,
    );
    const [key] = findMarkerKeys(output);
    expect((await retrieve(store, key!, { query: lines[200]! })).content).toContain(lines[200]);
    expect(output.length).toBeLessThan(patch.length * 0.2);
  });
});

describe('compressDiff on git show of a commit that adds a code file twice', () => {
  const source = readFileSync(
    join(installedPackageDir('ai', '6.0.325'), 'src/generate-text/generate-text.ts'),
    'utf8',
  );
  const lines = source.trimEnd().split('\n');
  const added = (path: string) => [
    `diff --git a/${path} b/${path}`,
    'new file mode 100644',
    'index 0000000..1111111',
    '--- /dev/null',
    `+++ b/${path}`,
    `@@ -0,0 +1,${lines.length} @@`,
    ...lines.map((line) => `+${line}`),
  ];
  const show = [
    'commit 0123456789abcdef0123456789abcdef01234567',
    'Author: Dev <dev@example.com>',
    'Date:   Mon Nov 30 10:00:00 2026 +0000',
    '',
    '    Vendor generateText',
    '',
    '    Copied from the AI SDK so that we can patch the retry loop.',
    '',
    ...added('src/generate-text.ts'),
    ...added('dist/esm/generate-text.ts'),
    '',
  ].join('\n');

  it('shows the outline of the new file, names the copy, and both come back from the store', async () => {
    const { ctx, store } = await createTestContext();
    const output = (await compressDiff(show, ctx)).text;
    expect(output).toContain(
      'commit 0123456789ab — Dev — Mon Nov 30 10:00:00 2026 +0000\n    Vendor generateText  [+1 message line]',
    );
    expect(output).toMatch(
      new RegExp(
        `^@@ -0,0 \\+1,\\d+ @@ outline of the ${lines.length} added lines, bodies collapsed$`,
        'm',
      ),
    );
    expect(output).toMatch(/^\+export async function generateText</m);
    expect(output).toMatch(/^\+.*\{ \/\* lines \d+-\d+ omitted \*\/ \}/m);
    // The second copy is not shown twice (dist/ is generated: summarized either way).
    expect(output.split('export async function generateText').length).toBe(2);
    expect(output.length).toBeLessThan(show.length * 0.25);
    // The outline's own marker gives a function back by name; the diff's marker, last, the whole commit.
    const keys = findMarkerKeys(output);
    const outlineKey = keys[0] as string;
    const found = await retrieve(store, outlineKey, { query: 'generateText' });
    expect(found.content).toContain(lines.find((line) => line.includes('maxRetries')) ?? '');
    expect((await retrieve(store, keys.at(-1) as string)).content).toBe(show);
  });

  it('names the first copy when the same text is added again', async () => {
    const { ctx } = await createTestContext();
    const twice = show.replaceAll('dist/esm/generate-text.ts', 'lib/generate-text.ts');
    const output = (await compressDiff(twice, ctx)).text;
    expect(output).toContain(
      `[+${lines.length} added lines omitted: the same text as src/generate-text.ts above]`,
    );
  });
});

describe('compressDiff on a commit that deletes a file', () => {
  it('says how many lines the deleted file had instead of listing them, and the store has them', async () => {
    const removed = Array.from({ length: 120 }, (_, i) => `-export const value${i} = ${i};`);
    const patch = [
      'commit 0123456789abcdef0123456789abcdef01234567',
      'Author: Dev <dev@example.com>',
      'Date:   Mon Nov 30 10:00:00 2026 +0000',
      '',
      '    Remove the generated constants',
      '',
      'diff --git a/src/constants.ts b/src/constants.ts',
      'deleted file mode 100644',
      'index 1111111..0000000',
      '--- a/src/constants.ts',
      '+++ /dev/null',
      '@@ -1,120 +0,0 @@',
      ...removed,
      '',
    ].join('\n');
    const { ctx, store } = await createTestContext();
    const output = (await compressDiff(patch, ctx)).text;
    expect(output).toContain('@@ -1,120 +0,0 @@ [the 120 lines of the deleted file omitted]');
    expect(output).not.toContain('export const value7 ');
    expect(output).toMatch(/120 lines of deleted files omitted from 1 file/);
    const key = findMarkerKeys(output).at(-1) as string;
    expect((await retrieve(store, key, { query: 'value77' })).content).toContain(
      '-export const value77 = 77;',
    );
  });
});
