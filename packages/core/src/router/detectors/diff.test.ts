import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDir, dataPath, noDataReason } from '../../test-utils/data-dir.node.js';
import { detectContent } from '../detect-content.js';
import { readInstalled } from '../../test-utils/package-file.node.js';
import { buildOutputDir } from '../__fixtures__/real-samples.node.js';

describe.skipIf(!dataDir)(
  `diff detection on real git output (${dataDir ? 'corpora found' : noDataReason})`,
  () => {
    let repo = '';
    const git = (...args: string[]) =>
      execFileSync(
        'git',
        [
          '-c',
          'user.name=Headroom Test',
          '-c',
          'user.email=test@example.com',
          '-c',
          'commit.gpgsign=false',
          ...args,
        ],
        { cwd: repo, encoding: 'utf8' },
      );
    const edit = (file: string, from: string, to: string) => {
      const path = join(repo, file);
      const before = readFileSync(path, 'utf8');
      if (!before.includes(from)) throw new Error(`${from} not in ${file}`);
      writeFileSync(path, before.replace(from, to));
    };

    beforeAll(() => {
      repo = mkdtempSync(join(tmpdir(), 'headroom-diff-'));
      copyFileSync(
        dataPath('code/python/requests/src/requests/sessions.py'),
        join(repo, 'sessions.py'),
      );
      copyFileSync(dataPath('code/go/cobra/command.go'), join(repo, 'command.go'));
      copyFileSync(dataPath('code/rust/serde_json/src/de.rs'), join(repo, 'de.rs'));
      git('init', '-q');
      git('add', '.');
      git('commit', '-qm', 'import real files');
      edit('sessions.py', 'def merge_setting(', 'def merge_settings(');
      edit('command.go', 'package cobra', 'package cobra // edited');
      edit('de.rs', 'fn peek_error(', 'fn peek_err(');
    });
    afterAll(() => rmSync(repo, { recursive: true, force: true }));

    it('`git diff` of edits to three real files is a diff', () => {
      const diff = git('diff');
      expect(diff).toContain('diff --git a/de.rs b/de.rs');
      expect(detectContent(diff)).toMatchObject({ kind: 'diff', confidence: 1 });
    });

    it('`git show` (commit header, message, then the diff) is a diff', () => {
      git('commit', '-qam', 'Rename helpers\n\nThree small renames across languages.');
      const show = git('show', 'HEAD');
      expect(show.startsWith('commit ')).toBe(true);
      expect(detectContent(show).kind).toBe('diff');
    });

    it('a one-hunk `git diff -U0` is a diff', () => {
      edit('de.rs', 'fn peek_err(', 'fn peek_error(');
      expect(detectContent(git('diff', '-U0')).kind).toBe('diff');
    });

    it('a diff names a code file, but the router still calls it a diff', () => {
      edit('command.go', 'package cobra // edited', 'package cobra');
      expect(detectContent(git('diff', '--', 'command.go'), { fileName: 'command.go' }).kind).toBe(
        'diff',
      );
    });
  },
);

describe('diff detection guards', () => {
  it('markdown with rules and +/- lists is not a diff', () => {
    const changelog = readInstalled('etag', 'HISTORY.md');
    expect(detectContent(changelog).kind).not.toBe('diff');
    expect(detectContent('Pros and cons\n---\n+ fast\n+ small\n- new\n- untested\n').kind).not.toBe(
      'diff',
    );
  });

  it('prose that quotes one hunk header is not a diff', () => {
    const prose = readInstalled('typescript', 'README.md');
    expect(detectContent(`${prose}\n@@ -1,3 +1,4 @@\n${prose}`).kind).not.toBe('diff');
  });
});

describe('hunks without a file header', () => {
  it('a test runner report holding an assertion diff is not a diff', () => {
    const report = readFileSync(join(buildOutputDir, 'vitest-diff.txt'), 'utf8');
    expect(report).toContain('@@ -2,7 +2,7 @@');
    expect(detectContent(report).kind).toBe('log');
  });

  it('a bare hunk whose counts cover its lines is still a diff', () => {
    const hunk = [
      '@@ -10,4 +10,5 @@ export function total(items) {',
      '   let sum = 0;',
      '-  for (const item of items) sum += item;',
      '+  for (const item of items) sum += item.price;',
      '+  if (sum < 0) throw new RangeError("negative total");',
      '   return sum;',
      ' }',
      '@@ -40,2 +41,2 @@ export const VERSION = 3;',
      '-export const NAME = "cart";',
      '+export const NAME = "basket";',
      ' export default total;',
    ].join('\n');
    expect(detectContent(hunk).kind).toBe('diff');
  });
});
