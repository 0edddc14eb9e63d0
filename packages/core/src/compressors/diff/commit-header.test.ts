import { describe, expect, it } from 'vitest';
import { compactCommitHeaders } from './commit-header.js';

describe('compactCommitHeaders', () => {
  it('keeps hash, author name, date and subject, and counts the message lines left out', () => {
    const header = [
      'commit 1f4a023b61821dff4d686520ff3e4a9bad0acaa0 (HEAD -> main, origin/main)',
      'Author: Dana Developer <dana@example.org>',
      'Date:   Sat Mar 9 10:00:00 2024 +0100',
      '',
      '    Reformat the parser',
      '    ',
      '    clang-format run over the file.',
      '    ',
      '    Signed-off-by: Dana Developer <dana@example.org>',
      '',
      'diff --git a/a.h b/a.h',
    ];
    expect(compactCommitHeaders(header)).toEqual({
      lines: [
        'commit 1f4a023b6182 (HEAD -> main, origin/main) — Dana Developer — Sat Mar 9 10:00:00 2024 +0100',
        '    Reformat the parser  [+2 message lines]',
        '',
        'diff --git a/a.h b/a.h',
      ],
      commits: 1,
    });
  });

  it('reads merges and fuller headers, cuts a very long subject, and leaves other lines alone', () => {
    const header = [
      'commit 0123456789abcdef0123456789abcdef01234567',
      'Merge: 0123456 89abcde',
      'Author:     Lee <lee@example.org>',
      'AuthorDate: Mon Nov 30 10:00:00 2026 +0000',
      'Commit:     Bot <bot@example.org>',
      'CommitDate: Mon Nov 30 10:05:00 2026 +0000',
      '',
      `    ${'word '.repeat(60).trim()}`,
      '',
      ' src/a.ts | 2 +-',
      ' 1 file changed, 1 insertion(+), 1 deletion(-)',
    ];
    const { lines } = compactCommitHeaders(header);
    expect(lines[0]).toBe(
      'commit 0123456789ab — Lee — Mon Nov 30 10:00:00 2026 +0000 — merge of 0123456 89abcde',
    );
    expect(lines[1]).toBe(`    ${'word '.repeat(60).slice(0, 160)}…`);
    expect(lines.slice(2)).toEqual([
      '',
      ' src/a.ts | 2 +-',
      ' 1 file changed, 1 insertion(+), 1 deletion(-)',
    ]);
  });

  it('leaves a line that only looks like a commit line as it is', () => {
    const text = ['commit abcdef1 is where it broke', '+ some added line'];
    expect(compactCommitHeaders(text)).toEqual({ lines: text, commits: 0 });
  });
});
