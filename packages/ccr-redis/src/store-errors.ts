import { HeadroomError } from '@headroom/core';

const AUTH_FAILURE = /unauthori[sz]ed|WRONGPASS|NOAUTH|invalid .*(token|password)|\b401\b/i;

/**
 * A backend failure as a `HeadroomError`. The message names the backend and the failure but never
 * the command: Upstash's errors quote the whole command, which would put stored originals into logs.
 */
export function toStoreError(
  error: unknown,
  backend: string,
  credentialHint: string,
): HeadroomError {
  if (HeadroomError.isInstance(error)) return error;
  const raw = error instanceof Error ? error.message : String(error);
  const [message = '', quoted] = raw.split(', command was:');
  // Keep the cause only when it does not quote the command (and with it the stored original).
  const cause = quoted === undefined ? error : undefined;
  if (AUTH_FAILURE.test(message)) {
    return new HeadroomError({
      code: 'config_error',
      message: `${backend} rejected the credentials (${message}); check ${credentialHint}`,
      cause,
    });
  }
  return new HeadroomError({
    code: 'store_error',
    message: `${backend} failed: ${message.slice(0, 200)}`,
    cause,
  });
}
