type GrowableArray = Int32Array | Uint8Array | Float64Array;

/**
 * `array` when it holds `needed` values, else a copy with room for at least twice as many (amortised
 * growth of the typed arrays the interners fill), its values first.
 */
export function withRoom<T extends GrowableArray>(array: T, needed: number): T {
  if (needed <= array.length) return array;
  const bigger = new (array.constructor as new (length: number) => T)(
    Math.max(array.length * 2, needed),
  );
  bigger.set(array);
  return bigger;
}
