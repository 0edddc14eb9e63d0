import { readFile } from 'node:fs/promises';

/** Largest input the CLI reads: 64 MiB. */
export const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/** Reads a file, or standard input for `-`, refusing anything over {@link MAX_INPUT_BYTES}. */
export async function readInput(source: string): Promise<string> {
  if (source !== '-') {
    const data = await readFile(source);
    if (data.byteLength > MAX_INPUT_BYTES) throw new Error(`${source} is larger than ${MAX_INPUT_BYTES} bytes`);
    return data.toString('utf8');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.byteLength;
    if (size > MAX_INPUT_BYTES) throw new Error(`standard input is larger than ${MAX_INPUT_BYTES} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
