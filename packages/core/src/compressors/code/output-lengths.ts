import type { Edit } from './edits.js';

/** A definition the compressor shows as a placeholder or, where that reads back, as its declaration. */
export interface Alternative {
  placeholder: Edit;
  declaration: Edit;
}

/** Output lengths of a pass whatever subset of its definitions ends up cut to declarations. */
export interface OutputLengths {
  /** With every alternative's declaration: the pass's first try. */
  all: number;
  /** The shortest over every subset. */
  least: number;
}

/**
 * The lengths of `source` with the `fixed` edits and one side of each alternative applied, plus
 * the marker line (`marker(omitted)`: its length, with the note that bodies were omitted or
 * without). Edits that overlap (one of them would be skipped) give `undefined`: the sum holds only
 * when every edit applies.
 */
export function outputLengths(
  sourceLength: number,
  fixed: readonly Edit[],
  alternatives: readonly Alternative[],
  marker: (omitted: boolean) => number,
): OutputLengths | undefined {
  const spans = [
    ...fixed,
    ...alternatives.map(({ placeholder: p, declaration: d }) => ({
      start: Math.min(p.start, d.start),
      end: Math.max(p.end, d.end),
    })),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++)
    if ((spans[i] as Edit).start < (spans[i - 1] as Edit).end) return undefined;
  const change = (edit: Edit): number => edit.text.length - (edit.end - edit.start);
  let placeholders = sourceLength;
  for (const edit of fixed) placeholders += change(edit);
  let declarations = placeholders;
  let gains = 0;
  let leastGain = Number.POSITIVE_INFINITY;
  for (const { placeholder, declaration } of alternatives) {
    placeholders += change(placeholder);
    declarations += change(declaration);
    const gain = change(declaration) - change(placeholder);
    gains += Math.min(gain, 0);
    leastGain = Math.min(leastGain, gain);
  }
  const none = placeholders + marker(false);
  if (alternatives.length === 0) return { all: none, least: none };
  const some = placeholders + marker(true) + (gains < 0 ? gains : leastGain);
  return { all: declarations + marker(true), least: Math.min(none, some) };
}
