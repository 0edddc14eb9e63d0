/**
 * Cuts `text` to at most `max` UTF-16 units, ending with `ellipsis` when cut, and never between the
 * two halves of a surrogate pair: a lone half is invalid Unicode that some providers reject.
 */
export function truncate(text: string, max: number, ellipsis = '…'): string {
  if (text.length <= max) return text;
  const end = surrogateSafeEnd(text, Math.max(0, max - ellipsis.length));
  return `${text.slice(0, end)}${ellipsis}`;
}

/** `end`, or one less when `text.slice(0, end)` would end on the first half of a surrogate pair. */
export function surrogateSafeEnd(text: string, end: number): number {
  const last = text.charCodeAt(end - 1);
  return last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
}

/**
 * A line cut to `max` UTF-16 units (trailing blanks not counted) with a note of how many were left
 * out, `… [+812 chars]`, for compressors that show a long line's start and keep the whole in CCR.
 */
export function cutLongLine(line: string, max: number): string {
  if (line.length <= max) return line;
  const trimmed = line.trimEnd();
  if (trimmed.length <= max) return line;
  const kept = truncate(trimmed, max, '');
  return `${kept}… [+${trimmed.length - kept.length} chars]`;
}
