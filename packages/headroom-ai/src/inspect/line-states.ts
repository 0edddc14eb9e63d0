/** How one line of the original or the compressed text fared. */
export type LineState = 'kept' | 'dropped' | 'added';

/** A line of text with its state, for side-by-side highlighting. */
export interface MarkedLine {
  text: string;
  state: LineState;
}

/**
 * Marks the original's lines as kept (the compressed text still has that line) or dropped, and the
 * compressed text's lines as kept or added (markers, `(×N)` summaries, collapsed bodies). By line
 * content, in linear time: reports of 100k-line logs stay cheap, where an LCS diff would not.
 */
export function markLines(
  original: string,
  compressed: string,
): { original: MarkedLine[]; compressed: MarkedLine[] } {
  const before = original.split('\n');
  const after = compressed.split('\n');
  const inBefore = new Set(before.map((line) => line.trim()));
  const inAfter = new Set(after.map((line) => line.trim()));
  const state =
    (present: Set<string>, missing: LineState) =>
    (text: string): MarkedLine => ({
      text,
      state: text.trim() === '' || present.has(text.trim()) ? 'kept' : missing,
    });
  return {
    original: before.map(state(inAfter, 'dropped')),
    compressed: after.map(state(inBefore, 'added')),
  };
}
