import { isJsonPrefix } from './json-prefix.js';

/** Texts up to this size are parsed whole; larger ones are judged by a validated prefix. */
const FULL_PARSE_CHARS = 1024 * 1024;
const PREFIX_CHARS = 64 * 1024;

/**
 * How sure we are that a text is one JSON document (object or array at the top).
 * Deep nesting is not a reason to refuse: an engine whose parser gives up with a RangeError
 * still saw JSON, and the JSON compressor's own depth limit turns it into a safe passthrough,
 * where the prose compressor would cut a data structure as if it were sentences.
 */
export function jsonConfidence(text: string): number {
  const first = firstNonSpace(text);
  const last = lastNonSpace(text);
  if (first < 0 || last < 0) return 0;
  const open = text[first];
  const close = text[last];
  if (!((open === '[' && close === ']') || (open === '{' && close === '}'))) return 0;
  if (text.length > FULL_PARSE_CHARS) return isJsonPrefix(text, first, PREFIX_CHARS) ? 0.9 : 0;
  try {
    JSON.parse(text);
    return 1;
  } catch (error) {
    return error instanceof SyntaxError ? 0 : 0.6;
  }
}

// Both ends are looked for within PREFIX_CHARS: a document padded with more blank space than that is not
// worth the scan.
function firstNonSpace(text: string): number {
  const end = Math.min(text.length, PREFIX_CHARS);
  for (let i = 0; i < end; i++) if (!isSpace(text.charCodeAt(i))) return i;
  return -1;
}

function lastNonSpace(text: string): number {
  const end = Math.max(0, text.length - PREFIX_CHARS);
  for (let i = text.length - 1; i >= end; i--) if (!isSpace(text.charCodeAt(i))) return i;
  return -1;
}

// JSON's own whitespace only: anything else (a BOM included) makes JSON.parse, and so the compressor, refuse.
function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}
