import type { CrushOptions } from './crush-options.js';
import type { FieldStats } from './field-stats.js';
import { leafText } from './item-view.js';
import type { ItemAnalysis } from './plan-keep.js';

/** The knobs {@link structuralOutliers} reads: what makes a field rare and a field categorical. */
export type OutlierOptions = Pick<
  CrushOptions,
  'rareFieldShare' | 'maxCategories' | 'commonCover' | 'maxCommonValues'
>;

/**
 * Items shaped unlike the rest — they carry a field few items have, or a rare value of a
 * categorical field (the odd `"status":"degraded"` among hundreds of `"ok"`) — rarest first
 * (by how many items share the rare trait), ties by index. `items` reads the items' fields.
 */
export function structuralOutliers(
  n: number,
  items: Pick<ItemAnalysis, 'leaf' | 'holders'>,
  stats: readonly FieldStats[],
  skip: ReadonlySet<string>,
  options: OutlierOptions,
): number[] {
  const { rareFieldShare, maxCategories, commonCover, maxCommonValues } = options;
  const rarity = new Map<number, number>();
  const note = (index: number, count: number): void => {
    rarity.set(index, Math.min(rarity.get(index) ?? Infinity, count));
  };

  const rareFields = stats.filter((field) => field.present < n * rareFieldShare);
  // Each item's rarest rare field, read from the holders of each: a map of records whose nested
  // keys are their own (dependency names) has about as many rare fields as items, so asking every
  // item about every rare field was quadratic.
  const rarest = new Map<number, number>();
  items.holders(rareFields.map((field) => field.path)).forEach((holders, i) => {
    const { present } = rareFields[i]!;
    for (const index of holders) rarest.set(index, Math.min(rarest.get(index) ?? present, present));
  });
  // When many items have some rare field, the array is heterogeneous and rare fields mean nothing.
  if (rarest.size <= n * rareFieldShare) for (const [index, count] of rarest) note(index, count);

  for (const field of stats) {
    if (skip.has(field.path) || field.kind === 'complex' || field.kind === 'mixed') continue;
    // A category of the array, not of a few items that happen to share a nested object.
    if (
      field.present < Math.max(5, n / 2) ||
      field.distinct < 2 ||
      field.distinct > maxCategories ||
      field.uniqueRatio >= 0.5
    )
      continue;
    const ranked = [...field.values().entries()].sort((a, b) => b[1] - a[1]);
    let covered = 0;
    let common = 0;
    while (covered < field.present * commonCover) covered += ranked[common++]![1];
    if (common > maxCommonValues || common >= ranked.length) continue;
    // Rare values by node type, then text: each item's leaf is looked up without making its key.
    const rare = new Map<string, Map<string, number>>();
    for (const [key, count] of ranked.slice(common)) {
      const colon = key.indexOf(':');
      const type = key.slice(0, colon);
      if (!rare.has(type)) rare.set(type, new Map());
      rare.get(type)!.set(key.slice(colon + 1), count);
    }
    for (let index = 0; index < n; index++) {
      const value = items.leaf(index, field.path);
      const count = value && rare.get(value.t)?.get(leafText(value));
      if (count) note(index, count);
    }
  }
  return [...rarity.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([index]) => index);
}
