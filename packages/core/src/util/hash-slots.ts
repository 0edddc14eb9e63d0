/**
 * Slots for an open-addressing table of `entries` kept at most `load` full: a power of two (slots are
 * taken from hash bits with a mask), at least `least`.
 */
export function hashSlots(entries: number, load: number, least: number): number {
  const wanted = Math.ceil(entries / load);
  let slots = least;
  while (slots < wanted) slots *= 2;
  return slots;
}
