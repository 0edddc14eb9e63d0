import type { FieldStats } from './field-stats.js';

/** Fields worth watching for anomalies: numeric, varying, not ids or timestamps. */
export function measureFields(
  stats: readonly FieldStats[],
  skip: ReadonlySet<string>,
): FieldStats[] {
  return stats.filter(
    (field) =>
      field.kind === 'number' && !skip.has(field.path) && field.std > 0 && field.values.size > 1,
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

function meanAndVariance(values: readonly number[]): [number, number] {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return [
    mean,
    values.reduce((sum, x) => sum + (x - mean) ** 2, 0) / Math.max(1, values.length - 1),
  ];
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
      const [before, beforeVar] = meanAndVariance(values.slice(i - WINDOW, i));
      const [after, afterVar] = meanAndVariance(values.slice(i, i + WINDOW));
      const shift = Math.abs(after - before);
      if (shift > 3 * Math.sqrt((beforeVar + afterVar) / 2) && shift > field.std) {
        found.add(i);
        last = i;
      }
    }
  }
  return [...found].sort((a, b) => a - b);
}
