import type { SegmentEdit, SegmentRef } from '../pipeline/segment.js';

/**
 * The shared part of every adapter's `apply`: a new array in which each edited message is replaced by
 * `edit`'s copy of it, edits applied in order (a second edit to one message sees the first one's copy);
 * messages without edits stay the same objects.
 */
export function applyEdits<M>(
  messages: readonly M[],
  edits: readonly SegmentEdit[],
  edit: (message: M, ref: SegmentRef, text: string) => M,
): M[] {
  const out = [...messages];
  for (const { segment, text } of edits) {
    const { ref } = segment;
    out[ref.message] = edit(out[ref.message] as M, ref, text);
  }
  return out;
}
