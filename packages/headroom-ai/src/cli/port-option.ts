import { CliUsageError } from './usage-error.js';

/** A `--port` value as a number (0 picks a free port), or `fallback` when the option is absent. */
export function checkedPort(
  command: string,
  value: string | boolean | undefined,
  fallback: number,
): number {
  if (typeof value !== 'string') return fallback;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n > 65_535)
    throw new CliUsageError(command, `--port must be a port number (0–65535), not "${value}"`);
  return n;
}
