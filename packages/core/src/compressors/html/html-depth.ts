import { isAsciiAlnum } from '../../util/is-ascii-alnum.js';

/** Elements that never have a closing tag, so they never nest. */
const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

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
    const name = html.slice(at + (close ? 2 : 1), end).toLowerCase();
    const gt = html.indexOf('>', end);
    if (gt === -1) return false;
    if (name && close) depth = Math.max(0, depth - 1);
    else if (name && !VOID_TAGS.has(name) && html.charCodeAt(gt - 1) !== 47 && ++depth > limit)
      return true;
    at = html.indexOf('<', gt + 1);
  }
  return false;
}

function isNameChar(code: number): boolean {
  return isAsciiAlnum(code) || code === 45;
}
