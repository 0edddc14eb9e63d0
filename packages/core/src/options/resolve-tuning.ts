import { InvalidOptionError } from '../errors/invalid-option-error.js';
import { checkObject } from './checks.js';

/**
 * A compressor's numeric tuning: `overrides` over `defaults`, checked once when the compressor is made.
 * Each override must name one of the defaults (a misspelt knob would silently do nothing) and be a
 * number ≥ 0 (`Infinity` is allowed: "no cap"); an `undefined` one keeps the default. Errors name the option as `<compressor>.<knob>`.
 */
export function resolveTuning<T extends { [K in keyof T]: number }>(
  compressor: string,
  defaults: Readonly<T>,
  overrides: unknown,
): T {
  const resolved: Record<string, number> = { ...defaults };
  for (const [name, value] of Object.entries(checkObject(compressor, overrides) ?? {})) {
    if (value === undefined) continue;
    const option = `${compressor}.${name}`;
    if (!Object.hasOwn(defaults, name))
      throw new InvalidOptionError({
        option,
        value,
        expected: `one of ${Object.keys(defaults).join(', ')}`,
      });
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0)
      throw new InvalidOptionError({ option, value, expected: 'a number ≥ 0' });
    resolved[name] = value;
  }
  return resolved as T;
}
