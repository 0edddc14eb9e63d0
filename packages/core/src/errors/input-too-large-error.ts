import { HeadroomError, hasErrorMarker } from './headroom-error.js';

const marker = Symbol.for('headroom.error.input_too_large');

/** Input past a size limit (a CLI file, an HTTP body, a stored original). */
export class InputTooLargeError extends HeadroomError {
  private readonly [marker] = true;
  /** What was too large, e.g. `stdin`, `request body`, `original`. */
  readonly what: string;
  readonly size: number;
  readonly limit: number;

  constructor({ what, size, limit }: { what: string; size: number; limit: number }) {
    super({
      code: 'input_too_large',
      message: `${what} of ${size} bytes exceeds the limit of ${limit} bytes`,
    });
    this.name = 'InputTooLargeError';
    this.what = what;
    this.size = size;
    this.limit = limit;
  }

  static override isInstance(error: unknown): error is InputTooLargeError {
    return hasErrorMarker(error, marker);
  }
}
