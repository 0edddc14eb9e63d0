import { describe, expect, it } from 'vitest';
import { runBin } from './test-utils/run-bin.js';
import { cliVersion } from './version.js';

describe('the headroom binary', () => {
  it('exits 0 with help and version on stdout', async () => {
    const help = await runBin(['--help']);
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('Usage: headroom <command> [options]');
    expect(await runBin(['compress', '--version'])).toEqual({ code: 0, stdout: `${cliVersion()}\n`, stderr: '' });
  });

  it('exits 2 with the mistake on stderr', async () => {
    expect(await runBin(['compress', '--bogus'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'headroom compress: unknown option --bogus\nRun "headroom compress --help" for usage.\n',
    });
  });

  it('compresses piped standard input', async () => {
    const log = Array.from({ length: 300 }, (_, i) => `[INFO] worker ${i % 3} handled request ${i} in ${i % 17} ms`).join('\n');
    const r = await runBin(['compress', '-'], { stdin: `${log}\n[ERROR] worker 1 crashed: out of memory\n` });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('[ERROR] worker 1 crashed: out of memory');
    expect(r.stderr).toMatch(/^tokens [\d,]+ → [\d,]+ \(saved \d+\.\d%\) · log /);
  });
});
