import { truncate } from '../util/truncate.js';

/**
 * Every CCR marker in compressed output has this form: `<<ccr:KEY …>>`. The note is bounded so an
 * unclosed opener costs a bounded look-ahead, not a scan to the end of the text: 20,000 unclosed
 * openers in one message made the unbounded `[^>]*` quadratic (5.6 s).
 */
export const MARKER_PATTERN = /<<ccr:([0-9a-f]{12,24})\b[^<>]{0,400}>>/g;

const MAX_NOTE_CHARS = 300;

/**
 * A marker for `key` with a short human note, e.g. `85 items omitted`. Angle brackets in the note
 * (quoted error messages) become parentheses so the marker stays one match of {@link MARKER_PATTERN}.
 */
export function formatMarker(key: string, note: string): string {
  const clean = truncate(note.replace(/</g, '(').replace(/>/g, ')'), MAX_NOTE_CHARS);
  return `<<ccr:${key} ${clean}; call headroom_retrieve>>`;
}

/** The distinct CCR keys referenced in `text`, in order of first appearance. */
export function findMarkerKeys(text: string): string[] {
  const keys = new Set<string>();
  for (const match of text.matchAll(MARKER_PATTERN)) keys.add(match[1] as string);
  return [...keys];
}
