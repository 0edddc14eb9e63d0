import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDir, dataPath, noDataReason } from '../../test-utils/data-dir.node.js';
import { git, repoWithChange } from '../../test-utils/git-repo.node.js';
import { parseDiff } from './parse-diff.js';
import { isWhitespaceOnly, trimHunk } from './trim-hunk.js';

/** Edits real lines of cobra's command.go, returns the repo and its diff. */
function editCommandGo(edit: (lines: string[]) => void): { dir: string; diff: string } {
  return repoWithChange(dataPath('code', 'go', 'cobra'), (dir) => {
    const path = join(dir, 'command.go');
    const lines = readFileSync(path, 'utf8').split('\n');
    edit(lines);
    writeFileSync(path, lines.join('\n'));
  });
}

describe.skipIf(!dataDir)(
  dataDir ? 'trimHunk on real git hunks' : `trimHunk on real git hunks: ${noDataReason}`,
  () => {
    it('splits a hunk where trimmed context opens a gap, with headers git accepts', () => {
      const { dir, diff } = editCommandGo((lines) => {
        lines[119] += ' // first';
        lines[125] += ' // second';
      });
      const file = parseDiff(diff).files[0]!;
      expect(file.hunks).toHaveLength(1); // git's 3 lines of context join the two edits
      const trimmed = trimHunk(file.hunks[0]!, 2);
      expect(trimmed.lines.filter((l) => l.startsWith('@@'))).toEqual([
        '@@ -118,5 +118,5 @@ type Command struct {',
        '@@ -124,5 +124,5 @@',
      ]);
      expect(trimmed.dropped).toBe(3); // one context line before, between and after the edits
      git(dir, 'reset', '-q', '--hard', 'HEAD');
      writeFileSync(
        join(dir, 'trimmed.patch'),
        `${[...file.header, ...trimmed.lines].join('\n')}\n`,
      );
      expect(() => git(dir, 'apply', '--check', 'trimmed.patch')).not.toThrow();
      git(dir, 'apply', 'trimmed.patch');
      expect(readFileSync(join(dir, 'command.go'), 'utf8').split('\n')[125]).toMatch(
        / \/\/ second$/,
      );
    });

    it('leaves a hunk with nothing to trim as git wrote it', () => {
      const { diff } = editCommandGo((lines) => {
        lines[200] += ' // only';
      });
      const hunk = parseDiff(diff).files[0]!.hunks[0]!;
      const trimmed = trimHunk(hunk, 3);
      expect(trimmed).toEqual({ lines: [hunk.header, ...hunk.lines], dropped: 0 });
    });

    it('tells whitespace-only hunks from real changes', () => {
      const reindented = parseDiff(
        editCommandGo((lines) => {
          for (let i = 300; i < 306; i++) lines[i] = `  ${lines[i]}`;
        }).diff,
      ).files[0]!.hunks[0]!;
      expect(isWhitespaceOnly(reindented)).toBe(true);
      const changed = parseDiff(editCommandGo((lines) => void (lines[300] += 'x')).diff).files[0]!
        .hunks[0]!;
      expect(isWhitespaceOnly(changed)).toBe(false);
    });
  },
);
