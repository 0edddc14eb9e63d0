import { platform } from '#platform';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * `String.prototype.isWellFormed` (ES2024) where the runtime has it: on a two-byte text it is ~6x the regex, which
 * was a few percent of compressing an HTML page (the page text is stored too).
 */
function isWellFormed(text: string): boolean {
  const check = (text as { isWellFormed?: () => boolean }).isWellFormed;
  return check ? check.call(text) : !loneSurrogate.test(text);
}

/** The runtime's own SHA-256 where it has a synchronous one (Node's crypto, ~4x @noble/hashes on a 52 KB page). */
const native = platform.sha256Hex;

/**
 * Hex SHA-256 of a string's UTF-8, synchronous and runtime-free (Web Crypto's digest is async).
 * UTF-8 would map every lone surrogate to U+FFFD, so two different strings could share a hash;
 * such strings are hashed in their JSON-escaped form instead, which is injective.
 */
export function sha256Hex(text: string): string {
  const input = isWellFormed(text) ? text : JSON.stringify(text);
  return native ? native(input) : bytesToHex(sha256(utf8ToBytes(input)));
}

/** CCR key: first 24 hex chars of SHA-256, so identical originals share one entry. */
export function ccrKey(text: string): string {
  return sha256Hex(text).slice(0, 24);
}
