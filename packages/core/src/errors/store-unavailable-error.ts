import { HeadroomError, hasErrorMarker } from './headroom-error.js';

const marker = Symbol.for('headroom.error.store_error');

/** A CCR store call failed, timed out or refused the write. */
export class StoreUnavailableError extends HeadroomError {
  private readonly [marker] = true;
  readonly operation: 'get' | 'put' | 'delete';
  readonly key?: string;

  constructor({
    operation,
    key,
    message,
    cause,
  }: { operation: 'get' | 'put' | 'delete'; key?: string; message?: string; cause?: unknown }) {
    super({
      code: 'store_error',
      message: message ?? `CCR store ${operation}${key ? ` of ${key}` : ''} failed`,
      cause,
    });
    this.name = 'StoreUnavailableError';
    this.operation = operation;
    if (key !== undefined) this.key = key;
  }

  static override isInstance(error: unknown): error is StoreUnavailableError {
    return hasErrorMarker(error, marker);
  }
}
