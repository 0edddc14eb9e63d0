import { utf8Length } from '../../util/utf8-length.js';
import { isAsciiAlnum } from '../../util/is-ascii-alnum.js';

/** What an opaque string holds, as named in its marker. */
export type OpaqueKind = 'base64' | 'hex' | 'html' | 'binary';

const DATA_URI = /^data:[\w.+/-]*(?:;[\w=.-]+)*;base64,/i;
const TAG = /<[a-zA-Z!/][^<>]{0,500}>/g;

/** `123B`, `4.5KB`, `1.2MB` (1024-based, one decimal). */
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes}B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)}KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)}MB`;
}

function isBase64Char(c: number): boolean {
  // + / = and the URL-safe alphabet's _ -
  return isAsciiAlnum(c) || c === 43 || c === 47 || c === 61 || c === 95 || c === 45;
}

function base64Kind(text: string): OpaqueKind | undefined {
  const body = text.replace(DATA_URI, '').replace(/\r?\n/g, '');
  if (body.length < 64 || /^[a-z][a-z0-9+.-]*:\/\//i.test(body)) return undefined;
  let fitting = 0;
  const distinct = new Set<number>();
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (c === 32 || c === 60 || c === 62) return undefined;
    if (isBase64Char(c)) fitting++;
    if (distinct.size < 16) distinct.add(c);
  }
  if (fitting < body.length * 0.95 || distinct.size < 16) return undefined;
  return /^[0-9a-f]+$/i.test(body) ? 'hex' : 'base64';
}

function isHtml(text: string): boolean {
  let tags = 0;
  let markup = 0;
  for (const match of text.matchAll(TAG)) {
    tags++;
    markup += match[0].length;
  }
  return tags >= 3 && (text.trimStart().startsWith('<') || markup >= text.length * 0.3);
}

function isBinary(text: string): boolean {
  let odd = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
  }
  return odd > text.length * 0.1;
}

/**
 * Classifies a long string as opaque — base64/hex payloads, embedded HTML, binary junk — which
 * costs many tokens and tells the model little. Prose, code and ordinary long values are not.
 */
export function opaqueKind(text: string, minBytes: number): OpaqueKind | undefined {
  if (text.length * 3 < minBytes || utf8Length(text) <= minBytes) return undefined;
  return base64Kind(text) ?? (isHtml(text) ? 'html' : isBinary(text) ? 'binary' : undefined);
}
