/** Every CCR marker in compressed output has this form: `<<ccr:KEY …>>`. */
export const MARKER_PATTERN = /<<ccr:([0-9a-f]{12,24})\b[^>]*>>/g;

/** A marker for `key` with a short human note, e.g. `85 items omitted`. */
export function formatMarker(key: string, note: string): string {
  return `<<ccr:${key} ${note}; call headroom_retrieve>>`;
}

/** The distinct CCR keys referenced in `text`, in order of first appearance. */
export function findMarkerKeys(text: string): string[] {
  const keys: string[] = [];
  for (const match of text.matchAll(MARKER_PATTERN)) {
    const key = match[1] as string;
    if (!keys.includes(key)) keys.push(key);
  }
  return keys;
}
