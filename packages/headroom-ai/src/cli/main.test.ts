import { spawn } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { binPath, runBin } from './test-utils/run-bin.js';
import { cliVersion } from './version.js';

describe('the headroom binary', () => {
  it('exits 0 with help and version on stdout', async () => {
    const help = await runBin(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('Usage: headroom <command> [options]');
    expect(await runBin(['compress', '--version'])).toEqual({
      code: 0,
      stdout: `${cliVersion()}\n`,
      stderr: '',
    });
  });

  it('exits 2 with the mistake on stderr', async () => {
    expect(await runBin(['compress', '--bogus'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'headroom compress: unknown option --bogus\nRun "headroom compress --help" for usage.\n',
    });
  });

  it('stops quietly when the reader of its output goes away (| head)', async () => {
    const log = Array.from({ length: 2000 }, (_, i) => `[INFO] worker ${i % 3} handled job ${i}`);
    const child = spawn(process.execPath, [binPath, 'inspect', '-', '--json'], { stdio: 'pipe' });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    // Like `head -c 100`: read one chunk, then close the pipe while the report (~400 kB) is still coming.
    child.stdout.once('data', () => child.stdout.destroy());
    child.stdin.end(log.join('\n'));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('compresses piped standard input', async () => {
    const log = Array.from(
      { length: 300 },
      (_, i) => `[INFO] worker ${i % 3} handled request ${i} in ${i % 17} ms`,
    ).join('\n');
    const r = await runBin(['compress', '-'], {
      stdin: `${log}\n[ERROR] worker 1 crashed: out of memory\n`,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[ERROR] worker 1 crashed: out of memory');
    expect(r.stderr).toMatch(/^tokens [\d,]+ → [\d,]+ \(saved \d+\.\d%\) · log /);
  });

  it('retrieves in a second process what a first one compressed (the file store under HEADROOM_HOME)', async () => {
    const env = { HEADROOM_HOME: await mkdtemp(join(tmpdir(), 'headroom-two-processes-')) };
    const example = fileURLToPath(
      new URL('../../../../examples/tool-outputs/code-search.json', import.meta.url),
    );
    const compressed = await runBin(['compress', example], { env });
    expect(compressed.code).toBe(0);
    const key = /stored: ([0-9a-f]{24})/.exec(compressed.stderr)![1]!;
    expect(compressed.stdout).toContain(`<<ccr:${key}`);
    const retrieved = await runBin(['retrieve', key, '--json'], { env });
    expect(retrieved.code).toBe(0);
    // The search compressor stored the whole tool output, byte for byte as in the file.
    expect(JSON.parse(retrieved.stdout).content).toBe(await readFile(example, 'utf8'));
    const elsewhere = await runBin(['retrieve', key], {
      env: { HEADROOM_HOME: await mkdtemp(join(tmpdir(), 'headroom-other-')) },
    });
    expect(elsewhere).toMatchObject({ code: 1, stdout: '' });
  });
});
