import type { CrushOptions } from './crush-options.js';
import type { FieldStats } from './field-stats.js';
import { leafText } from './item-view.js';
import type { JsonNode } from './json-node.js';

/** The knobs {@link structuralOutliers} reads: what makes a field rare and a field categorical. */
export type OutlierOptions = Pick<
  CrushOptions,
  'rareFieldShare' | 'maxCategories' | 'commonCover' | 'maxCommonValues'
>;

/**
 * Items shaped unlike the rest — they carry a field few items have, or a rare value of a
 * categorical field (the odd `"status":"degraded"` among hundreds of `"ok"`) — rarest first
 * (by how many items share the rare trait), ties by index. `leaf` reads an item's field (its view's).
 */
export function structuralOutliers(
  n: number,
  leaf: (index: number, path: string) => JsonNode | undefined,
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
  const withRareFields: number[] = [];
  for (let index = 0; index < n; index++)
    if (rareFields.some((field) => leaf(index, field.path))) withRareFields.push(index);
  // When many items have some rare field, the array is heterogeneous and rare fields mean nothing.
  if (withRareFields.length <= n * rareFieldShare) {
    for (const index of withRareFields) {
      for (const field of rareFields) if (leaf(index, field.path)) note(index, field.present);
    }
  }

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
      const value = leaf(index, field.path);
      const count = value && rare.get(value.t)?.get(leafText(value));
      if (count) note(index, count);
    }
  }
  return [...rarity.entries()].sort((a, b) => a[1] - b[1] || a[0] - b[0]).map(([index]) => index);
}
