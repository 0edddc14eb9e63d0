import type { CliIo } from '../command.js';

/** A `CliIo` that records what a command prints; `stdin` is the given text, or a terminal when absent. */
export function captureIo(options: { stdin?: string; env?: Record<string, string | undefined> } = {}) {
  const out = { stdout: '', stderr: '' };
  const stdin = options.stdin === undefined ? Object.assign((async function* () {})(), { isTTY: true }) : (async function* () {
    yield new TextEncoder().encode(options.stdin);
  })();
  const io: CliIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    stdin,
    env: options.env ?? {},
  };
  return { io, out };
}
