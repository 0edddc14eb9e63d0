/** What the analysis found that makes some items matter more than others. */
export interface Signals {
  errors: number;
  anomalies: number;
  changePoints: number;
  outliers: number;
  /** Whether items carry a relevance score (search-like arrays). */
  scored: boolean;
}

/** Whether an array may lose items, and why. */
export interface Crushability {
  crush: boolean;
  reason: string;
}

/** Items this alike (distinct templates / items) are repetitive: a few stand for all. */
const REPETITIVE = 0.3;
/** Items this distinct are separate entities. */
const UNIQUE = 0.8;

/**
 * Decides if an array is safe to crush. Repetitive content is; so is anything with a signal that
 * says which items matter. Distinct entities with nothing unusual (a list of users) are not:
 * the model may need every one of them, and there is nothing to rank them by.
 */
export function crushability(distinctTemplates: number, n: number, signals: Signals): Crushability {
  const uniqueness = distinctTemplates / n;
  if (uniqueness <= REPETITIVE) return { crush: true, reason: 'repetitive' };
  const signal =
    signals.errors + signals.anomalies + signals.changePoints + signals.outliers > 0 ||
    signals.scored;
  if (signal) return { crush: true, reason: 'signals' };
  return { crush: false, reason: uniqueness > UNIQUE ? 'unique_entities_no_signal' : 'no_signal' };
}
