import { describeValue } from './describe-value.js';
import { HeadroomError, hasErrorMarker } from './headroom-error.js';

const marker = Symbol.for('headroom.error.invalid_option');

/** An option failed the one options check at the entry point (`compress()`, `createHeadroom()`, the middleware…). */
export class InvalidOptionError extends HeadroomError {
  private readonly [marker] = true;
  /** The option's path, e.g. `ttlSeconds` or `retrieval.maxRounds`. */
  readonly option: string;
  readonly value: unknown;

  constructor({ option, value, expected }: { option: string; value: unknown; expected: string }) {
    super({
      code: 'invalid_option',
      message: `Invalid option \`${option}\`: expected ${expected}, got ${describeValue(value)}`,
    });
    this.name = 'InvalidOptionError';
    this.option = option;
    this.value = value;
  }

  static override isInstance(error: unknown): error is InvalidOptionError {
    return hasErrorMarker(error, marker);
  }
}
