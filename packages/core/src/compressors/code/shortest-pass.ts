/** One pass as the choice sees it: a floor under its output's length, and the output (run once, when needed). */
export interface PassChoice<T extends { text: string }> {
  /** No output of the pass is shorter (0 when nothing is known). */
  floor: number;
  run: () => T | undefined;
}

/**
 * What running the passes in order gives — each output shorter than the best so far becomes the
 * best; the run stops once the best is at most `enough` characters — without running a pass that
 * cannot change that result. A pass whose floor is above `enough` cannot stop the run, so it
 * matters only if no later pass beats its floor: the later ones are tried first. The deeper passes
 * of a file are usually the shorter ones, and running one (a parse of its output) is what costs.
 */
export function shortestPass<T extends { text: string }>(
  passes: readonly PassChoice<T>[],
  original: T,
  enough: number,
): T {
  const outputs = new Map<number, T | undefined>();
  const output = (index: number): T | undefined => {
    if (!outputs.has(index)) outputs.set(index, (passes[index] as PassChoice<T>).run());
    return outputs.get(index);
  };
  const from = (index: number, best: T): T => {
    const pass = passes[index];
    if (!pass) return best;
    let next = best;
    if (pass.floor < best.text.length) {
      if (pass.floor > enough) {
        const later = from(index + 1, best);
        if (later.text.length < pass.floor) return later;
      }
      const own = output(index);
      if (own && own.text.length < best.text.length) next = own;
    }
    return next.text.length <= enough ? next : from(index + 1, next);
  };
  return from(0, original);
}
