import { HeadroomError } from '@headroom/core/internal';

const units: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };

/** `--since`: a span back from now (`30m`, `24h`, `7d`, `2w`) or an ISO date (`2026-11-01`). */
export function parseSince(value: string, now: Date = new Date()): Date {
  const span = /^(\d+)([mhdw])$/.exec(value.trim());
  if (span) return new Date(now.getTime() - Number(span[1]) * units[span[2]!]!);
  const date = Date.parse(value);
  if (/^\d{4}-\d{2}-\d{2}/.test(value) && !Number.isNaN(date)) return new Date(date);
  throw new HeadroomError({
    code: 'invalid_input',
    message: `--since takes a span like 7d, 24h, 30m, 2w or a date like 2026-11-01, not "${value}"`,
  });
}
