import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Runs git with a fixed identity and no line-ending conversion; returns stdout. */
export function git(cwd: string, ...args: string[]): string {
  return execFileSync(
    'git',
    [
      '-c',
      'user.name=test',
      '-c',
      'user.email=test@example.com',
      '-c',
      'core.autocrlf=false',
      ...args,
    ],
    {
      cwd,
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
    },
  );
}

/** A temp git repository holding a copy of `from` as its first commit, with `change` applied and staged; `diff` is `git diff --cached -M`. */
export function repoWithChange(
  from: string,
  change: (dir: string) => void,
): { dir: string; diff: string } {
  const dir = mkdtempSync(join(tmpdir(), 'headroom-git-'));
  cpSync(from, dir, { recursive: true, dereference: true });
  git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', 'before');
  change(dir);
  git(dir, 'add', '-A');
  return { dir, diff: git(dir, 'diff', '--cached', '-M') };
}

/** A change that replaces the repository's files with another tree's. */
export function replaceWith(to: string): (dir: string) => void {
  return (dir) => {
    for (const entry of readdirSync(dir))
      if (entry !== '.git') rmSync(join(dir, entry), { recursive: true });
    cpSync(to, dir, { recursive: true, dereference: true });
  };
}
