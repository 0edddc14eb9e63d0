import { isAsciiAlnum } from '../../util/is-ascii-alnum.js';

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const EMAIL = /\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b/g;
const IP = /\b\d{1,3}(?:\.\d{1,3}){3}\b/g;
const LONG_NUMBER = /(?<![\w.])\d{4,}(?![\w])/g;
const HOSTNAME = /\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}\b/gi;
const QUOTED = /"([^"\n]{1,50})"|'([^'\n]{1,50})'|`([^`\n]{1,50})`/g;
/** Dotted words that are file names or abbreviations, not hosts. */
const NOT_A_HOST =
  /\.(?:json|js|mjs|cjs|ts|tsx|jsx|py|rb|go|rs|java|kt|c|h|cc|cpp|hpp|cs|php|md|txt|log|yaml|yml|toml|ini|cfg|conf|xml|html|css|sh|lock|csv|sql|env)$|^(?:e\.g|i\.e|etc|vs)$/i;

/**
 * Exact things a user's question can point at: UUIDs, emails, IP addresses, numbers of 4+ digits,
 * host names and quoted strings. Lowercased, distinct, in order of appearance.
 */
export function queryAnchors(query: string): string[] {
  const found: string[] = [];
  const add = (value: string | undefined): void => {
    const anchor = value?.trim().toLowerCase();
    if (anchor && !found.includes(anchor)) found.push(anchor);
  };
  for (const match of query.matchAll(QUOTED)) add(match[1] ?? match[2] ?? match[3]);
  for (const match of query.matchAll(UUID)) add(match[0]);
  for (const match of query.matchAll(EMAIL)) add(match[0]);
  const withoutEmails = query.replace(EMAIL, ' ');
  for (const match of withoutEmails.matchAll(HOSTNAME))
    if (!NOT_A_HOST.test(match[0])) add(match[0]);
  for (const match of query.matchAll(IP)) add(match[0]);
  for (const match of query.matchAll(LONG_NUMBER)) add(match[0]);
  return found;
}

/**
 * Whether `lowerText` holds the anchor as a whole token: `173.234.31.18` does not match inside
 * `173.234.31.186`, nor `user` inside `username`.
 */
export function matchesAnchor(lowerText: string, anchor: string): boolean {
  const open = isAsciiAlnum(anchor.charCodeAt(0));
  const close = isAsciiAlnum(anchor.charCodeAt(anchor.length - 1));
  for (let at = lowerText.indexOf(anchor); at >= 0; at = lowerText.indexOf(anchor, at + 1)) {
    if (open && isAsciiAlnum(lowerText.charCodeAt(at - 1))) continue;
    if (close && isAsciiAlnum(lowerText.charCodeAt(at + anchor.length))) continue;
    return true;
  }
  return false;
}
