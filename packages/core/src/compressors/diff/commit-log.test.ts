import { describe, expect, it } from 'vitest';
import { findMarkerKeys } from '../../ccr/marker.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { detectContent } from '../../router/detect-content.js';
import { compressDiff } from './compress-diff.js';
import { diffUnits } from './diff-units.js';

/** `git log --stat` as git prints it: a small commit, then one that adds a whole tree (a shallow clone's root). */
function gitLogStat(): string {
  const files = Array.from({ length: 60 }, (_, i) => {
    const path = `plugins/python-build/share/python-build/3.${i}.0`;
    const changed = i === 7 ? 2752 : 10 + (i % 5);
    return ` ${path.padEnd(50)} | ${String(changed).padStart(4)} ${'+'.repeat(Math.min(20, changed))}`;
  });
  return [
    'commit 9f1c2d3e4b5a69788796a5b4c3d2e1f0a9b8c7d6',
    'Author: Dana Developer <dana@example.com>',
    'Date:   Fri May 8 20:20:32 2026 +0300',
    '',
    '    CI: add_cpython: support prereleases for non-initial releases (#3443)',
    '',
    '    Exit code 1 signals that no new version is found, so unhandled',
    '    exceptions use a different exit code.',
    '',
    ' .github/workflows/add_version.yml | 4 ++--',
    ' 1 file changed, 2 insertions(+), 2 deletions(-)',
    '',
    'commit f6a5b409e9fd1ad78aa4350ddc1fc5fc3d0fa666',
    'Author: Sam Maintainer <sam@example.com>',
    'Date:   Thu May 7 09:00:00 2026 +0000',
    '',
    '    Import the tree',
    '',
    ...files,
    ' 60 files changed, 3477 insertions(+)',
    '',
  ].join('\n');
}

describe('git log without patches', () => {
  it('routes as a diff; one commit per line pair, a long stat cut to its most changed files', async () => {
    const log = gitLogStat();
    expect(detectContent(log).kind).toBe('diff');
    const { ctx } = await createTestContext();
    const output = await compressDiff(log, ctx);
    expect(output.strategy).toBe('diff:commits');
    const lines = output.text.split('\n');
    expect(lines[0]).toBe('commit 9f1c2d3e4b5a — Dana Developer — Fri May 8 20:20:32 2026 +0300');
    expect(lines[1]).toBe(
      '    CI: add_cpython: support prereleases for non-initial releases (#3443)  [+2 message lines]',
    );
    expect(output.text).toContain(' .github/workflows/add_version.yml | 4 ++--');
    expect(output.text).toContain('3.7.0');
    expect(output.text).toContain(' [… 40 more files of this stat omitted]');
    expect(output.text).toContain(' 60 files changed, 3477 insertions(+)');
    expect(lines.at(-1)).toMatch(
      /^<<ccr:[0-9a-f]{24} full messages of 2 commits and 40 stat lines omitted; call headroom_retrieve>>$/,
    );
    expect(findMarkerKeys(output.text)).toHaveLength(1);
  });

  it('is stored as one retrieval unit per commit', () => {
    const units = diffUnits(gitLogStat());
    expect(units).toHaveLength(2);
    expect(units[0]).toMatch(/^commit 9f1c2d3e[\s\S]*1 file changed/);
    expect(units[1]).toMatch(/^commit f6a5b409[\s\S]*60 files changed/);
  });

  it('a log with no commit header is left alone', async () => {
    const { ctx } = await createTestContext();
    const text = Array.from({ length: 60 }, (_, i) => `    indented line ${i}`).join('\n');
    expect((await compressDiff(text, ctx)).text).toBe(text);
  });
});
