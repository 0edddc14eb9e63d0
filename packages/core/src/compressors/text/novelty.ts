/**
 * Mean inverse document frequency of each sentence's distinct terms, scaled to 0..1: rare words carry
 * information. `terms` holds each sentence's distinct term ids, below `termCount`.
 */
export function noveltyScores(
  terms: ReadonlyArray<readonly number[]>,
  termCount: number,
): number[] {
  // Typed arrays: `new Array(n).fill(0)` made holey arrays whose map the optimized code kept missing (a deopt per call).
  const df = new Int32Array(termCount);
  for (const own of terms) for (const id of own) df[id]!++;
  const idf = new Float64Array(termCount);
  for (let id = 0; id < termCount; id++) idf[id] = Math.log(terms.length / df[id]!);
  const raw = terms.map((own) => {
    if (own.length === 0) return 0;
    let sum = 0;
    for (const id of own) sum += idf[id]!;
    return sum / own.length;
  });
  // reduce, not Math.max(...raw): spreading a score per sentence of a large text overflows the stack.
  const best = raw.reduce((a, b) => Math.max(a, b), 0);
  return best > 0 ? raw.map((r) => r / best) : raw;
}
