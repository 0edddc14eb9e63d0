import { describe, expect, it } from 'vitest';
import { DEFAULT_CRUSH_OPTIONS } from './crush-options.js';
import { fieldStats } from './field-stats.js';
import { itemView } from './item-view.js';
import { fromValue } from './json-node.js';
import { viewAnalysis } from './plan-keep.js';
import { structuralOutliers, type OutlierOptions } from './structural-outliers.js';

function outliers(rows: readonly unknown[], options: OutlierOptions = DEFAULT_CRUSH_OPTIONS) {
  const views = rows.map((row) => itemView(fromValue(row)));
  return structuralOutliers(
    views.length,
    viewAnalysis(views),
    fieldStats(views),
    new Set(),
    options,
  );
}

// 40 health checks: one carries a `trace` field no other has, one reports a status no other does.
const checks = Array.from({ length: 40 }, (_, i) => ({
  host: `web-${i % 4}`,
  status: i === 30 ? 'degraded' : 'ok',
  ...(i === 12 ? { trace: 'upstream timeout' } : {}),
}));

describe('structuralOutliers', () => {
  it('finds the item with a rare field and the item with a rare categorical value, rarest first', () => {
    expect(outliers(checks)).toEqual([12, 30]);
  });

  it('reads what counts as rare from its options', () => {
    // No field is in fewer than 0% of items, so the extra field no longer stands out.
    expect(outliers(checks, { ...DEFAULT_CRUSH_OPTIONS, rareFieldShare: 0 })).toEqual([30]);
    // `status` is no category when a category may have only one distinct value.
    expect(outliers(checks, { ...DEFAULT_CRUSH_OPTIONS, maxCategories: 1 })).toEqual([12]);
  });

  it('reads the holders of rare fields, not every item for every rare field', () => {
    // A lockfile's packages: each names dependencies of its own, so there are as many rare fields as items.
    const rows = Array.from({ length: 400 }, (_, i) => ({
      version: `1.${i % 9}.0`,
      dependencies: { [`dep-${i}`]: '^1.0.0' },
    }));
    const views = rows.map((row) => itemView(fromValue(row)));
    const analysis = viewAnalysis(views);
    let reads = 0;
    const counted = {
      holders: analysis.holders,
      leaf: (index: number, path: string) => {
        reads++;
        return analysis.leaf(index, path);
      },
    };
    const stats = fieldStats(views);
    expect(stats).toHaveLength(401);
    // Every item has a rare field: the array is heterogeneous, and none stands out.
    expect(structuralOutliers(400, counted, stats, new Set(), DEFAULT_CRUSH_OPTIONS)).toEqual([]);
    expect(reads).toBeLessThanOrEqual(400);
  });
});
