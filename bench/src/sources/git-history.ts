import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { listFiles } from './source-tree.js';

/**
 * A real source tree committed as a short history in a temp repository, and `git log -p -8` of it:
 * the shared data holds trees, not histories. Nine commits of the kinds real histories are made of,
 * each with a subject, a body and a sign-off: the import (not shown by `-8`), a new file, an
 * identifier renamed across files, a function body edited, a block deleted, a vendored copy and a
 * lockfile, a file moved with a fix, a second new file, a block re-indented. Dates and names are
 * fixed, so the output is the same on every machine.
 */
export function syntheticGitLog(root: string, pattern: RegExp): string | undefined {
  const files = listFiles(root).filter((path) => pattern.test(path));
  // The two new files: one from the largest quarter and a median one, added late.
  const bySize = [...files].sort(
    (a, b) => size(root, b) - size(root, a) || (a < b ? -1 : a > b ? 1 : 0),
  );
  const added = [
    bySize[Math.floor(bySize.length / 4)],
    bySize[Math.floor(bySize.length / 2)],
  ].filter((p): p is string => p !== undefined);
  const edited = bySize.filter((p) => !added.includes(p));
  const [first, second, third, fourth, fifth] = edited;
  if (added.length < 2 || !fifth) return undefined;

  const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-history-'));
  let day = 0;
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'core.autocrlf=false', '-c', 'commit.gpgsign=false', ...args], {
      cwd: dir,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Dana Developer',
        GIT_AUTHOR_EMAIL: 'dana@example.org',
        GIT_COMMITTER_NAME: 'Dana Developer',
        GIT_COMMITTER_EMAIL: 'dana@example.org',
        GIT_AUTHOR_DATE: `2024-03-${String(1 + day).padStart(2, '0')}T10:00:00+0100`,
        GIT_COMMITTER_DATE: `2024-03-${String(1 + day).padStart(2, '0')}T10:00:00+0100`,
      },
    });
  const commit = (subject: string, body: string): void => {
    git('add', '-A');
    git(
      'commit',
      '-q',
      '-m',
      subject,
      '-m',
      body,
      '-m',
      'Signed-off-by: Dana Developer <dana@example.org>',
    );
    day++;
  };
  const read = (path: string) => readFileSync(join(dir, path), 'utf8');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const lines = (path: string) => read(path).split('\n');

  try {
    git('init', '-q');
    for (const path of edited) cpSync(join(root, path), join(dir, path));
    commit('Import the sources', 'Initial import of the tree as released upstream.');

    cpSync(join(root, added[1] as string), join(dir, added[1] as string));
    commit(
      `Add ${added[1]}`,
      'Split out of the main header so that users who only need this part\ndo not pay for the rest at compile time.',
    );

    // Rename the identifier used most often across at least three files.
    const name = busiestIdentifier(dir, edited);
    if (name) {
      for (const path of edited) {
        const text = read(path);
        const renamed = text.replace(new RegExp(`\\b${name}\\b`, 'g'), `${name}_v2`);
        if (renamed !== text) write(path, renamed);
      }
      commit(
        `Rename ${name} to ${name}_v2`,
        `The old name clashed with a macro on one platform. No behaviour change;\n${name} stays available\nas a deprecated alias in the next release.`,
      );
    }

    // Edit a function body: a guard at a third and two thirds of the file.
    for (const path of [first, second] as string[]) {
      const text = lines(path);
      for (const at of [Math.floor((text.length * 2) / 3), Math.floor(text.length / 3)]) {
        const indent = /^\s*/.exec(text[at] ?? '')?.[0] ?? '';
        text.splice(at, 0, `${indent}// Checked by the caller since 2024; kept for older callers.`);
      }
      write(path, text.join('\n'));
    }
    commit(
      'Document the guards that callers rely on',
      'Review found two places where the precondition was only implied.',
    );

    // Delete a block of 25 lines from the middle of a file.
    const cut = lines(third as string);
    cut.splice(Math.floor(cut.length / 2), 25);
    write(third as string, cut.join('\n'));
    commit('Remove dead code', 'This branch has been unreachable since the parser rewrite.');

    // Vendor a copy of a file and add a lockfile.
    write(`third_party/upstream/${fourth}`, read(fourth as string));
    write(
      'deps.lock',
      Array.from(
        { length: 120 },
        (_, i) => `dep-${i} ${i % 7}.${i % 5}.${i % 3} sha256:${(i * 2654435761).toString(16)}`,
      ).join('\n'),
    );
    commit('Vendor the upstream copy and pin dependencies', 'Needed for reproducible builds.');

    // Move a file and fix one line in it.
    const moved = join(
      dirname(fifth as string),
      'platform',
      (fifth as string).split('/').pop() as string,
    );
    mkdirSync(dirname(join(dir, moved)), { recursive: true });
    git('mv', fifth as string, moved);
    const fixed = lines(moved);
    const at = Math.floor(fixed.length / 2);
    fixed[at] = `${fixed[at]} // fixed: off by one`;
    write(moved, fixed.join('\n'));
    commit(`Move ${fifth} to ${moved}`, 'Groups it with the other platform code.');

    cpSync(join(root, added[0] as string), join(dir, added[0] as string));
    commit(`Add ${added[0]}`, 'Brought over from the experimental branch.');

    // Re-indent a block: a whitespace-only change.
    const block = lines(first as string);
    const from = Math.floor(block.length / 2);
    for (let i = from; i < Math.min(block.length, from + 30); i++)
      if ((block[i] as string).trim() !== '') block[i] = `  ${block[i]}`;
    write(first as string, block.join('\n'));
    commit('Reformat', 'clang-format / google-java-format run over the file.');

    return git('log', '-p', '-8');
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function size(root: string, path: string): number {
  return readFileSync(join(root, path), 'utf8').length;
}

/** The identifier (a call: `name(`) used most often, in at least three of the files. */
function busiestIdentifier(dir: string, files: readonly string[]): string | undefined {
  const counts = new Map<string, { uses: number; files: number }>();
  for (const path of files) {
    const seen = new Set<string>();
    for (const match of readFileSync(join(dir, path), 'utf8').matchAll(/\b([a-z]\w{5,})\(/g)) {
      const name = match[1] as string;
      const entry = counts.get(name) ?? { uses: 0, files: 0 };
      entry.uses++;
      if (!seen.has(name)) entry.files++;
      seen.add(name);
      counts.set(name, entry);
    }
  }
  return [...counts]
    .filter(([, c]) => c.files >= 3)
    .sort((a, b) => b[1].uses - a[1].uses || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}
