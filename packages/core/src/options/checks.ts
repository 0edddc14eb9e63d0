import { InvalidOptionError } from '../errors/invalid-option-error.js';
import { isRecord } from '../util/is-record.js';

/** Small checks that throw an {@link InvalidOptionError} naming the option; each returns the value it checked. */

export function checkObject(option: string, value: unknown): Record<string, unknown> | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw new InvalidOptionError({ option, value, expected: 'an object' });
  return value;
}

export function checkString(option: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '')
    throw new InvalidOptionError({ option, value, expected: 'a non-empty string' });
  return value;
}

/** Longest retrieval scope accepted: a tenant id, a user id, a conversation id — not a document. */
export const MAX_SCOPE_LENGTH = 512;

/** A retrieval scope: a non-empty string of at most {@link MAX_SCOPE_LENGTH} characters (it is hashed, so any characters). */
export function checkScope(option: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > MAX_SCOPE_LENGTH)
    throw new InvalidOptionError({
      option,
      value,
      expected: `a non-empty string of at most ${MAX_SCOPE_LENGTH} characters`,
    });
  return value;
}

export function checkOneOf<T extends string>(
  option: string,
  value: unknown,
  allowed: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if (!allowed.includes(value as T))
    throw new InvalidOptionError({
      option,
      value,
      expected: `one of ${allowed.map((a) => `'${a}'`).join(', ')}`,
    });
  return value as T;
}

/** A number in [min, max]; `integer` also asks for a whole number, `exclusiveMin`/`exclusiveMax` open the range. */
export function checkNumber(
  option: string,
  value: unknown,
  range: {
    min: number;
    max?: number;
    integer?: boolean;
    exclusiveMin?: boolean;
    exclusiveMax?: boolean;
  },
): number | undefined {
  if (value === undefined) return undefined;
  const {
    min,
    max = Number.MAX_SAFE_INTEGER,
    integer = false,
    exclusiveMin = false,
    exclusiveMax = false,
  } = range;
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (!integer || Number.isInteger(value)) &&
    (exclusiveMin ? value > min : value >= min) &&
    (exclusiveMax ? value < max : value <= max);
  if (!ok) {
    const low = `${exclusiveMin ? '>' : '≥'} ${min}`;
    const high = max === Number.MAX_SAFE_INTEGER ? '' : ` and ${exclusiveMax ? '<' : '≤'} ${max}`;
    throw new InvalidOptionError({
      option,
      value,
      expected: `a finite ${integer ? 'integer' : 'number'} ${low}${high}`,
    });
  }
  return value;
}

/** An object with the named methods (a store, a stats recorder, a session). */
export function checkMethods<T>(
  option: string,
  value: unknown,
  methods: readonly string[],
): T | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value !== 'object' ||
    value === null ||
    methods.some((m) => typeof (value as Record<string, unknown>)[m] !== 'function')
  ) {
    throw new InvalidOptionError({
      option,
      value,
      expected: `an object with ${methods.join(', ')} methods`,
    });
  }
  return value as T;
}
