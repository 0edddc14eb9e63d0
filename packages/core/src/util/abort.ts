import { HeadroomError } from '../errors/headroom-error.js';

/**
 * Why an aborted operation stopped: the signal's own reason (what `AbortController.abort(reason)` was
 * given, a DOMException `AbortError` by default), so callers see the error they are used to from fetch.
 * A signal-like object without a reason gets a `HeadroomError` with code `aborted`.
 */
export function abortReason(signal: AbortSignal): unknown {
  return (
    signal.reason ?? new HeadroomError({ code: 'aborted', message: 'The operation was aborted' })
  );
}

/** Throws {@link abortReason} when the signal has fired; a no-op without a signal. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortReason(signal);
}
