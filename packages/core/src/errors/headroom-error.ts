const symbol = Symbol.for('headroom.error');

/** Stable codes for every failure Headroom reports. */
export type HeadroomErrorCode =
  | 'invalid_messages'
  | 'invalid_option'
  | 'invalid_input'
  | 'input_too_large'
  | 'store_error'
  | 'store_timeout'
  | 'store_full'
  | 'not_found'
  | 'tokenizer_error'
  | 'aborted'
  | 'model_unavailable'
  | 'config_error';

/** Base error for everything Headroom throws; recognise it with `HeadroomError.isInstance(e)`. */
export class HeadroomError extends Error {
  private readonly [symbol] = true;
  readonly code: HeadroomErrorCode;
  override readonly cause?: unknown;

  constructor({
    code,
    message,
    cause,
  }: { code: HeadroomErrorCode; message: string; cause?: unknown }) {
    super(message);
    this.name = 'HeadroomError';
    this.code = code;
    this.cause = cause;
  }

  /** Works across duplicate package copies, unlike `instanceof`. */
  static isInstance(error: unknown): error is HeadroomError {
    return (
      typeof error === 'object' &&
      error !== null &&
      (error as Record<symbol, unknown>)[symbol] === true
    );
  }
}

/**
 * Whether `error` carries the marker of one error subclass. Markers are registry symbols, so a
 * subclass is recognised across duplicate package copies just like the base class.
 */
export function hasErrorMarker(error: unknown, marker: symbol): boolean {
  return (
    HeadroomError.isInstance(error) &&
    (error as unknown as Record<symbol, unknown>)[marker] === true
  );
}
