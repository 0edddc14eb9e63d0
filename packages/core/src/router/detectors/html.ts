import type { Sample } from '../sample.js';

const WINDOW = 3000;
const DOCTYPE = /^(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<!doctype\s+html/i;
const HTML_TAG = /<html[\s>]/i;
const TAG =
  /<\/?(?:div|p|span|a|ul|ol|li|dl|dt|dd|table|thead|tbody|tr|td|th|h[1-6]|section|article|nav|header|footer|main|aside|script|style|link|meta|head|body|title|form|input|button|img|br|hr|pre|code|tt|em|strong|b|i|blockquote|figure|iframe|noscript|label|select|option)(?=[\s/>])/gi;
// Markup that only JSX/TSX has: a page fragment never carries `className=` or `{expression}` attributes.
const JSX = /\bclassName=|\s[a-z]+[A-Z]\w*=\{|=\{[^{}=\n]{0,200}\}/;

const TAGGED = /<\/?[a-zA-Z][^<>]*>/;
const MARKDOWN =
  /^(?:#{1,6}\s|\s*(?:[-*+]|\d+\.)\s+\S|\s*(?:```|~~~)|\s*\|.*\|\s*$|>\s)|\]\([^)\s]+\)/;

/** How sure we are that the sample is an HTML page or a fragment of one (tags rather than prose). */
export function htmlConfidence(sample: Sample): number {
  const start = sample.head.search(/\S/);
  if (start < 0) return 0;
  const window = sample.head.slice(start, start + WINDOW);
  if (DOCTYPE.test(window)) return 0.95;
  if (!window.startsWith('<')) return 0;
  if (HTML_TAG.test(window)) return 0.9;
  if (JSX.test(window)) return 0;
  const tags = window.match(TAG)?.length ?? 0;
  if (tags < 3) return 0;
  // A README that opens with `<p align="center">` is still markdown: its lines are headings, lists and
  // links rather than tags. Rendered pages have untagged lines too (inside <pre>), but no markdown syntax.
  const lines = sample.nonEmpty.slice(0, 200);
  const tagged = lines.filter((line) => TAGGED.test(line)).length / lines.length;
  const markdown = lines.filter((line) => MARKDOWN.test(line)).length / lines.length;
  if (tagged < 0.6 && (tagged < 0.25 || markdown >= 0.1)) return 0;
  return Math.min(0.9, 0.7 + 0.02 * tags);
}
