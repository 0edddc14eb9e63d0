import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** What `repomix --compress` made of each file, by the path it was given; or why it could not run. */
export type RepomixResult = { files: Map<string, string> } | { error: string };

/**
 * Runs the `repomix` CLI (the bench's pinned devDependency) with `--compress` on a temp directory
 * holding exactly `files`, and returns each file's compressed content. JSON output without the file
 * summary and directory tree, so only the code part is compared; no ignore rules (the files are the
 * ones we chose), no security scan (it only reports, and is slow).
 */
export function repomixCompress(
  files: ReadonlyArray<{ path: string; text: string }>,
): RepomixResult {
  let bin: string;
  try {
    bin = join(
      dirname(createRequire(import.meta.url).resolve('repomix')),
      '..',
      'bin',
      'repomix.cjs',
    );
  } catch (error) {
    return { error: `repomix is not installed (${String(error)})` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'headroom-bench-repomix-'));
  try {
    for (const file of files) {
      mkdirSync(dirname(join(dir, file.path)), { recursive: true });
      writeFileSync(join(dir, file.path), file.text);
    }
    const stdout = execFileSync(
      process.execPath,
      [
        bin,
        '--compress',
        '--style',
        'json',
        '--stdout',
        '--no-file-summary',
        '--no-directory-structure',
        '--no-security-check',
        '--no-gitignore',
        '--no-dot-ignore',
        '--no-default-patterns',
        '.',
      ],
      {
        cwd: dir,
        encoding: 'utf8',
        maxBuffer: 256 * 1024 * 1024,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const packed = JSON.parse(stdout) as { files?: Record<string, string> };
    return { files: new Map(Object.entries(packed.files ?? {})) };
  } catch (error) {
    return { error: `repomix failed: ${String(error).split('\n')[0]}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
