import type { FieldStats } from './field-stats.js';

/** Fields worth watching for anomalies: numeric, varying, not ids or timestamps. */
export function measureFields(
  stats: readonly FieldStats[],
  skip: ReadonlySet<string>,
): FieldStats[] {
  return stats.filter(
    (field) =>
      field.kind === 'number' && !skip.has(field.path) && field.std > 0 && field.distinct > 1,
  );
}

/** Items whose value in some field lies more than `sigmas` standard deviations from the mean. */
export function numericAnomalies(fields: readonly FieldStats[], sigmas: number): number[] {
  const found = new Set<number>();
  for (const field of fields) {
    field.numbers.forEach((x, index) => {
      if (x !== undefined && Math.abs(x - field.mean) > sigmas * field.std) found.add(index);
    });
  }
  return [...found].sort((a, b) => a - b);
}

const WINDOW = 5;

/** Mean of the window of values starting at `start`, summed in order. */
function windowMean(values: readonly number[], start: number): number {
  let sum = 0;
  for (let i = start; i < start + WINDOW; i++) sum += values[i]!;
  return sum / WINDOW;
}

/** Sample variance of the window of values starting at `start`, around its mean. */
function windowVariance(values: readonly number[], start: number): number {
  const mean = windowMean(values, start);
  let squares = 0;
  for (let i = start; i < start + WINDOW; i++) squares += (values[i]! - mean) ** 2;
  return squares / (WINDOW - 1);
}

/**
 * Indices where a series shifts level: the means of the windows before and after differ by more
 * than 3× their pooled deviation and by more than one overall deviation. (Measuring the shift
 * against the overall deviation alone, as the reference does, misses a step in the middle of a
 * series, which inflates that deviation to half the step.) Points closer than a window merge.
 */
export function changePoints(fields: readonly FieldStats[]): number[] {
  const found = new Set<number>();
  for (const field of fields) {
    const series = field.numbers;
    if (series.length < WINDOW * 2 || series.some((x) => x === undefined)) continue;
    const values = series as number[];
    let last = -Infinity;
    for (let i = WINDOW; i <= values.length - WINDOW; i++) {
      if (i - last < WINDOW) continue;
      const shift = Math.abs(windowMean(values, i) - windowMean(values, i - WINDOW));
      if (
        shift >
          3 * Math.sqrt((windowVariance(values, i - WINDOW) + windowVariance(values, i)) / 2) &&
        shift > field.std
      ) {
        found.add(i);
        last = i;
      }
    }
  }
  return [...found].sort((a, b) => a - b);
}
