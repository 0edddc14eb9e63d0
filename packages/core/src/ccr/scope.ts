import { sha256Hex } from '../hash/sha256.js';

/**
 * The key an original is stored under in one retrieval scope (a tenant, a user, a conversation).
 * Markers carry the bare key; the store only ever sees it joined to the scope, so a key that leaks
 * out of its scope (a transcript, a log, an injected tool output quoting it) reads nothing anywhere
 * else. The scope is hashed: any string is safe, and the store never holds a tenant's name or id.
 * Without a scope the bare key is used, as before scopes existed.
 */
export function scopedKey(key: string, scope: string | undefined): string {
  return scope === undefined ? key : `s${scopeTag(scope)}.${key}`;
}

/** 128 bits of the scope's hash: distinct scopes never share a tag in practice. */
export function scopeTag(scope: string): string {
  return sha256Hex(scope).slice(0, 32);
}
