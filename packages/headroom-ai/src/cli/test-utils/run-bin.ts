import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The built binary, as `npm` links it (the package's test task builds first). */
export const binPath = fileURLToPath(new URL('../../../dist/cli/main.js', import.meta.url));

/** Runs `headroom` in its own process, feeding `stdin` when given (else an empty pipe). */
export function runBin(
  argv: string[],
  options: { stdin?: string; env?: Record<string, string> } = {},
) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [binPath, ...argv], {
      env: { ...process.env, ...options.env },
      stdio: 'pipe',
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}
