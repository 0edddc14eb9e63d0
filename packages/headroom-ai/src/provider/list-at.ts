import type { Json } from './provider-format.js';

/**
 * `json[key]` when it is an array (a response's `content` blocks or `output` items), else an empty
 * list: a response without one has nothing to read, and the caller needs no check of its own.
 */
export function listAt<T>(json: Json, key: string): T[] {
  const value = json[key];
  return Array.isArray(value) ? (value as T[]) : [];
}
