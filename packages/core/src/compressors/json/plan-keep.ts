import { adaptiveK, textItems, type KItems } from './adaptive-k.js';
import { crushability } from './crushability.js';
import type { CrushOptions } from './crush-options.js';
import { isErrorItem } from './error-items.js';
import { fieldRoles } from './field-roles.js';
import { fieldStats, type FieldStats } from './field-stats.js';
import { itemTemplates, itemText, type ItemView } from './item-view.js';
import type { JsonNode } from './json-node.js';
import { changePoints, measureFields, numericAnomalies } from './numeric-signals.js';
import { queryMatches } from './query-matches.js';
import { structuralOutliers } from './structural-outliers.js';

/** A kept error item that stands for `count` items sharing its template. */
export interface Repeat {
  index: number;
  count: number;
}

/** What to keep of an array. */
export interface KeepPlan {
  /** Indices to keep, ascending; `undefined` when the array stays whole. */
  keep?: number[];
  /** Why (for strategy notes and tests): `repetitive`, `signals`, `unique_entities_no_signal`… */
  reason: string;
  /** Kept errors that stand for repeats of themselves. */
  repeats: Repeat[];
}

/** What a template is compared by: its text, or an id standing for it. */
export type TemplateKey = string | number;

/**
 * What {@link planKeep} reads of the items: {@link viewAnalysis} reads their views; a table reads its
 * columns, with the same results.
 */
export interface ItemAnalysis {
  /** What adaptive-k reads; also each item's compact JSON, which exact duplicates share. */
  items: KItems;
  /** {@link fieldStats} of the items. */
  stats(): FieldStats[];
  /**
   * {@link itemTemplates} of the items, leaving out the fields in `skip`, or keys equal exactly where
   * those are.
   */
  templates(skip: ReadonlySet<string>): readonly TemplateKey[];
  /** The items {@link isErrorItem} holds for, ascending. */
  errors(): number[];
  /** An item's leaf at a path (its view's field). */
  leaf(index: number, path: string): JsonNode | undefined;
  /** For each of `paths`, the items with a leaf there, ascending. */
  holders(paths: readonly string[]): number[][];
  /** {@link itemText} of every item. */
  texts(): string[];
}

/** The analysis of items read from their views. */
export function viewAnalysis(views: readonly ItemView[]): ItemAnalysis {
  return {
    items: textItems(views.map((view) => view.json)),
    stats: () => fieldStats(views),
    templates: (skip) => itemTemplates(views, skip),
    errors: () => {
      const errors: number[] = [];
      views.forEach((view, index) => {
        if (isErrorItem(view)) errors.push(index);
      });
      return errors;
    },
    leaf: (index, path) => views[index]!.fields.get(path),
    holders: (paths) => {
      const at = new Map(paths.map((path, i) => [path, i]));
      const holders = paths.map((): number[] => []);
      if (paths.length > 0)
        views.forEach((view, index) => {
          for (const path of view.fields.keys()) {
            const i = at.get(path);
            if (i !== undefined) holders[i]!.push(index);
          }
        });
      return holders;
    },
    texts: () => views.map(itemText),
  };
}

/**
 * Chooses the items of an array worth showing: the first ~30% and last ~15% of k (or the top by
 * score for search-like arrays), one item per distinct error template, structural outliers,
 * numeric anomalies, change points ±1, and the items the query points at (all holders of a rare
 * anchor, one per template of a broad one, the best BM25 matches); then fills up to k with
 * unseen templates and evenly spread items, and drops exact duplicates. Order is preserved.
 */
export function planKeep(analysis: ItemAnalysis, query: string, options: CrushOptions): KeepPlan {
  const n = analysis.items.length;
  const k = adaptiveK(analysis.items, options);
  if (n <= k) return { reason: 'at_limit', repeats: [] };

  const stats = analysis.stats();
  const roles = fieldRoles(stats, n);
  const identity = new Set([...roles.ids, ...roles.times]);
  const templates = analysis.templates(identity);
  const firstOfTemplate = new Map<TemplateKey, number>();
  templates.forEach((template, index) => {
    if (!firstOfTemplate.has(template)) firstOfTemplate.set(template, index);
  });

  // One representative (the first) per distinct error template, and how many items it stands for.
  const errorCounts = new Map<TemplateKey, number>();
  const errorFirst = new Map<TemplateKey, number>();
  for (const index of analysis.errors()) {
    const template = templates[index]!;
    errorCounts.set(template, (errorCounts.get(template) ?? 0) + 1);
    if (!errorFirst.has(template)) errorFirst.set(template, index);
  }
  const errors = [...errorFirst.values()];
  const measured = measureFields(stats, new Set([...identity, ...roles.labels]));
  const anomalies = numericAnomalies(measured, options.anomalySigmas);
  const shifts = changePoints(measured);
  // Outliers are hints, not musts: the rarest k of them (one per template) make the cut.
  const outliers = onePerTemplate(
    structuralOutliers(n, analysis, stats, identity, options),
    templates,
  ).slice(0, k);
  const decision = crushability(firstOfTemplate.size, n, {
    errors: errors.length,
    anomalies: anomalies.length,
    changePoints: shifts.length,
    outliers: outliers.length,
    scored: roles.score !== undefined,
  });
  if (!decision.crush) return { reason: decision.reason, repeats: [] };

  const keep = new Set<number>([...errors, ...anomalies, ...outliers]);
  for (const at of shifts) for (const i of [at - 1, at, at + 1]) if (i >= 0 && i < n) keep.add(i);
  const matches = queryMatches(analysis.texts, query);
  for (const index of matches.anchored) keep.add(index);
  for (const index of onePerTemplate(matches.broad, templates)) keep.add(index);
  for (const index of matches.relevant.slice(0, k)) keep.add(index);

  if (roles.score) {
    const scores = stats.find((field) => field.path === roles.score)!.numbers;
    const ranked = scores
      .map((score, index) => ({ score: score ?? -Infinity, index }))
      .sort((a, b) => b.score - a.score || a.index - b.index);
    for (const { index } of ranked.slice(0, Math.max(options.minK, k - 3))) keep.add(index);
  }
  // Position and filler picks never add a second copy of an error: its representative speaks for all.
  const eligible = (index: number): boolean => {
    const first = errorFirst.get(templates[index]!);
    return first === undefined || first === index;
  };
  if (!roles.score) {
    const head = Math.max(1, Math.round(k * options.firstFraction));
    const tail = Math.max(1, Math.round(k * options.lastFraction));
    for (let i = 0; i < head; i++) if (eligible(i)) keep.add(i);
    for (let i = n - tail; i < n; i++) if (eligible(i)) keep.add(i);
  }
  fill(keep, k, templates, firstOfTemplate, eligible);

  const seen = new Set<string>();
  const kept = [...keep]
    .sort((a, b) => a - b)
    .filter((index) => {
      const json = analysis.items.text(index);
      if (seen.has(json)) return false;
      seen.add(json);
      return true;
    });
  if (n - kept.length < Math.max(2, Math.ceil(n * 0.1)))
    return { reason: 'little_to_drop', repeats: [] };
  const repeats = errors
    .map((index) => ({ index, count: errorCounts.get(templates[index]!)! }))
    .filter((repeat) => repeat.count > 1 && kept.includes(repeat.index));
  return { keep: kept, reason: decision.reason, repeats };
}

function onePerTemplate(indices: readonly number[], templates: readonly TemplateKey[]): number[] {
  const seen = new Set<TemplateKey>();
  return indices.filter((index) => {
    const template = templates[index]!;
    if (seen.has(template)) return false;
    seen.add(template);
    return true;
  });
}

/** Tops the keep-set up to k: first items of templates not shown yet, then evenly spread items. */
function fill(
  keep: Set<number>,
  k: number,
  templates: readonly TemplateKey[],
  firstOfTemplate: ReadonlyMap<TemplateKey, number>,
  eligible: (index: number) => boolean,
): void {
  const n = templates.length;
  const shown = new Set([...keep].map((index) => templates[index]));
  for (const [template, index] of firstOfTemplate) {
    if (keep.size >= k) return;
    if (!shown.has(template)) keep.add(index);
  }
  const missing = k - keep.size;
  for (let slot = 1; slot <= missing; slot++) {
    let index = Math.floor((slot * n) / (missing + 1));
    while (index < n && (keep.has(index) || !eligible(index))) index++;
    if (index < n) keep.add(index);
  }
}
