import type { CliIo } from '../command.js';

/** A `CliIo` that records what a command prints; `stdin` is the given text, or a terminal when absent. */
export function captureIo(
  options: { stdin?: string; env?: Record<string, string | undefined> } = {},
) {
  const out = { stdout: '', stderr: '' };
  const stdin =
    options.stdin === undefined
      ? Object.assign((async function* () {})(), { isTTY: true })
      : (async function* () {
          yield new TextEncoder().encode(options.stdin);
        })();
  const io: CliIo = {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    stdin,
    // The per-file HEADROOM_HOME from the test setup, so commands never touch the user's ~/.headroom.
    env: options.env ?? { HEADROOM_HOME: process.env.HEADROOM_HOME },
  };
  return { io, out };
}
