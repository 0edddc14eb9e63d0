import { HeadroomError } from '../errors/headroom-error.js';
import { abortReason } from '../util/abort.js';

/** Limits for one store operation. */
export interface StoreCallOptions {
  /** Milliseconds before the operation is given up (`HeadroomError` code `store_timeout`). */
  timeoutMs: number;
  /** The caller's signal: aborting it gives the operation up at once with the signal's reason. */
  signal?: AbortSignal;
  /** What is being done, for the timeout message (e.g. `put`). */
  operation: string;
}

/**
 * Runs one store operation under a deadline and the caller's abort signal. The operation gets a
 * signal that fires on either, so a store that honours it stops waiting on its backend; the
 * returned promise settles at the deadline even if the store ignores the signal and never answers.
 */
export function callStore<T>(
  run: (signal: AbortSignal) => Promise<T>,
  { timeoutMs, signal, operation }: StoreCallOptions,
): Promise<T> {
  if (signal?.aborted) return Promise.reject(abortReason(signal));
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    const fail = (error: unknown) => {
      cleanup();
      controller.abort(error);
      reject(error);
    };
    const onAbort = () => fail(abortReason(signal!));
    const timer = setTimeout(
      () =>
        fail(
          new HeadroomError({
            code: 'store_timeout',
            message: `Store ${operation} took longer than ${timeoutMs} ms`,
          }),
        ),
      timeoutMs,
    );
    const cleanup = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let pending: Promise<T>;
    try {
      pending = run(controller.signal);
    } catch (error) {
      fail(error);
      return;
    }
    pending.then(
      (value) => {
        cleanup();
        resolve(value);
      },
      (error: unknown) => {
        cleanup();
        reject(error);
      },
    );
  });
}
