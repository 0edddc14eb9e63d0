/** Plain string order, independent of locale, so every machine builds the same workloads. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
