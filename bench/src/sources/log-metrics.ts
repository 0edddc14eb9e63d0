import type { LogRecord } from './log-records.js';
import { byCodeUnit } from '../order.js';

/** One metrics row: events per logger in a fixed time window, as a metrics query returns them. */
export interface MetricsRow {
  window_start: string;
  logger: string;
  events: number;
  warn: number;
  error: number;
  /** Share of the window's events that are WARN or worse, 0..1 with 3 decimals. */
  bad_ratio: number;
}

/** Aggregates records into `seconds`-wide windows per logger (short class name), ordered by time then logger. */
export function logMetrics(records: readonly LogRecord[], seconds: number): MetricsRow[] {
  const rows = new Map<string, MetricsRow>();
  for (const record of records) {
    const start = windowStart(record.timestamp, seconds);
    const logger = record.logger.slice(record.logger.lastIndexOf('.') + 1);
    const id = `${start}\u0000${logger}`;
    let row = rows.get(id);
    if (!row)
      rows.set(
        id,
        (row = { window_start: start, logger, events: 0, warn: 0, error: 0, bad_ratio: 0 }),
      );
    row.events += 1;
    if (record.level === 'WARN') row.warn += 1;
    if (record.level === 'ERROR' || record.level === 'FATAL') row.error += 1;
  }
  const out = [...rows.values()].sort((a, b) =>
    a.window_start === b.window_start
      ? byCodeUnit(a.logger, b.logger)
      : byCodeUnit(a.window_start, b.window_start),
  );
  for (const row of out)
    row.bad_ratio = Math.round(((row.warn + row.error) / row.events) * 1000) / 1000;
  return out;
}

function windowStart(timestamp: string, seconds: number): string {
  const [date, time] = timestamp.split('T') as [string, string];
  const [h, m, s] = time.split(/[:.]/).map(Number) as [number, number, number];
  const total = Math.floor((h * 3600 + m * 60 + s) / seconds) * seconds;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${date}T${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}
