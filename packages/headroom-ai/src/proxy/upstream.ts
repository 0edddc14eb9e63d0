import type { Upstream } from '../provider/headroom-handler.js';

/** Where the proxy sends each API's requests. */
export interface Upstreams {
  openai: string;
  anthropic: string;
}

/** The providers' own endpoints. */
export const defaultUpstreams: Upstreams = {
  openai: 'https://api.openai.com',
  anthropic: 'https://api.anthropic.com',
};

/** An upstream base without a trailing slash or `/v1`: request paths (`/v1/…`) are appended to it. */
export function upstreamBase(url: string): string {
  return url.replace(/\/+$/, '').replace(/\/v1$/, '');
}

/**
 * Anthropic's SDKs and agents always send `anthropic-version` (and most `x-api-key`); everything else
 * (OpenAI's SDKs, Codex, Aider) is OpenAI-compatible.
 */
export function upstreamFor(path: string, headers: Headers, upstreams: Upstreams): string {
  const anthropic =
    path.replace(/\/+$/, '').endsWith('/messages') ||
    headers.has('anthropic-version') ||
    headers.has('x-api-key');
  return upstreamBase(anthropic ? upstreams.anthropic : upstreams.openai);
}

/** Thrown when the provider sends no response headers within the timeout. */
export class UpstreamTimeoutError extends Error {
  override readonly name = 'UpstreamTimeoutError';
}

/**
 * `fetch` with a limit on the wait for the provider's response headers. The body may stream for longer
 * (a long answer is not a hung provider); the caller's own signal still ends it at any time.
 */
export function fetchWithTimeout(timeoutMs: number, fetchImpl: typeof fetch = fetch): Upstream {
  return async (request) => {
    const timeout = new AbortController();
    const timer = setTimeout(
      () =>
        timeout.abort(
          new UpstreamTimeoutError(`The provider sent no response within ${timeoutMs} ms`),
        ),
      timeoutMs,
    );
    try {
      return await fetchImpl(
        new Request(request, { signal: AbortSignal.any([request.signal, timeout.signal]) }),
      );
    } catch (error) {
      throw timeout.signal.aborted ? timeout.signal.reason : error;
    } finally {
      clearTimeout(timer);
    }
  };
}
