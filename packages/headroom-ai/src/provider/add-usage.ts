/** Adds two provider usage objects field by field (nested token details included); non-numbers keep the later value. */
export function addUsage(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (!isObject(a) || !isObject(b)) return b ?? a;
  const sum: Record<string, unknown> = { ...a };
  for (const [key, value] of Object.entries(b))
    sum[key] = key in a ? addUsage(a[key], value) : value;
  return sum;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The `usage` field of a response that stands for several rounds: theirs added up, absent when none had one. */
export function totalUsage(rounds: readonly { usage?: unknown }[]): { usage?: unknown } {
  const usage = rounds.reduce<unknown>((sum, round) => addUsage(sum, round.usage), undefined);
  return usage === undefined ? {} : { usage };
}
