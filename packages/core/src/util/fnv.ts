/** Where a 32-bit FNV-1a hash starts. */
export const FNV_OFFSET = 0x811c9dc5;
/** The 32-bit FNV prime each step multiplies by. */
export const FNV_PRIME = 0x01000193;

/**
 * The 32-bit FNV-1a hash with one more unit mixed in (a byte, or a UTF-16 code unit when hashing a
 * string in place): the one hash the rank tables, word tables and text interners all step by hand,
 * so a word can be hashed in the same scan that finds it.
 */
export function fnvStep(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, FNV_PRIME);
}
