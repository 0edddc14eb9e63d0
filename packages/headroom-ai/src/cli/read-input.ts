import { readFile } from 'node:fs/promises';
import type { CliIo } from './command.js';
import { CliUsageError } from './usage-error.js';

/** Largest input the CLI reads: 64 MiB. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Reads a file, or standard input for `-`, refusing anything over {@link MAX_INPUT_BYTES}.
 * `command` names the caller in the error when `-` is given but nothing is piped in.
 */
export async function readInput(source: string, io: CliIo, command: string): Promise<string> {
  if (source !== '-') {
    const data = await readFile(source).catch((error: NodeJS.ErrnoException) => {
      throw error.code === 'ENOENT' ? new Error(`${source}: no such file`) : error;
    });
    if (data.byteLength > MAX_INPUT_BYTES)
      throw new Error(`${source} is larger than ${MAX_INPUT_BYTES} bytes`);
    return data.toString('utf8');
  }
  if (io.stdin.isTTY)
    throw new CliUsageError(command, 'no input: give a file, or pipe one to standard input');
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of io.stdin) {
    size += chunk.byteLength;
    if (size > MAX_INPUT_BYTES)
      throw new Error(`standard input is larger than ${MAX_INPUT_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
