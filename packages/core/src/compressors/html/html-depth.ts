import { isAsciiAlnum } from '../../util/is-ascii-alnum.js';
import { matchesLower, VOID_ELEMENTS } from './walk-html.js';

/**
 * Whether the element nesting of `html` goes deeper than `limit`, found in one linear pass over the
 * tags (no regex that could rescan an unclosed `<`). Parsing 100k nested `<div>`s took htmlparser2
 * 4–7 s; a page that deep has no readable structure to extract anyway.
 */
export function nestsDeeperThan(html: string, limit: number): boolean {
  let depth = 0;
  let at = html.indexOf('<');
  while (at !== -1) {
    const close = html.charCodeAt(at + 1) === 47; // '/'
    let end = at + (close ? 2 : 1);
    while (end < html.length && isNameChar(html.charCodeAt(end))) end++;
    const start = at + (close ? 2 : 1);
    const gt = html.indexOf('>', end);
    if (gt === -1) return false;
    if (end > start && close) depth = Math.max(0, depth - 1);
    else if (
      end > start &&
      !isVoid(html, start, end) &&
      html.charCodeAt(gt - 1) !== 47 &&
      ++depth > limit
    )
      return true;
    at = html.indexOf('<', gt + 1);
  }
  return false;
}

/** Whether the tag name `html[start..end)` is a void element's (which never nests), in any case, without slicing it out. */
function isVoid(html: string, start: number, end: number): boolean {
  for (const name of VOID_ELEMENTS)
    if (name.length === end - start && matchesLower(html, start, name)) return true;
  return false;
}

function isNameChar(code: number): boolean {
  return isAsciiAlnum(code) || code === 45;
}
