import { isWhitespace } from './is-whitespace.js';

/** Whitespace that collapsing changes: any but a space, or two in a row. */
const RUN_TO_COLLAPSE = /[^\S ]| {2}/;

/**
 * Whitespace runs as one space, trimmed (what `text.replace(/\s+/g, ' ').trim()` gives). Text with single
 * spaces only is just trimmed; otherwise one pass copies the words already joined by single spaces as one slice.
 */
export function collapseSpace(text: string): string {
  // The regex test is cheap and flattens a string built by concatenation at once, before the scan reads it.
  if (!RUN_TO_COLLAPSE.test(text)) return text.trim();
  let out = '';
  // Where the stretch of words not yet copied starts.
  let start = 0;
  let at = 0;
  while (at < text.length) {
    if (!isWhitespace(text.charCodeAt(at))) {
      at++;
      continue;
    }
    const run = at;
    while (++at < text.length && isWhitespace(text.charCodeAt(at)));
    if (run > start && at < text.length && at - run === 1 && text.charCodeAt(run) === 32) continue;
    if (run > start) out += (out ? ' ' : '') + text.slice(start, run);
    start = at;
  }
  if (start === 0) return text;
  return start < text.length ? out + (out ? ' ' : '') + text.slice(start) : out;
}
