import { checkScope, sha256Hex } from '@headroom/core/internal';

/** The request header that names a retrieval scope inside the caller's own (a user, a tenant). */
export const SCOPE_HEADER = 'x-headroom-scope';

/** Where the providers' SDKs put the API key: OpenAI, Anthropic, Azure OpenAI, Gemini. */
const AUTH_HEADERS = ['authorization', 'x-api-key', 'api-key', 'x-goog-api-key'];

/**
 * The retrieval scope of one provider request: its API key, narrowed by `x-headroom-scope` when the
 * caller sends one. Two keys never share originals, and a scope header can't reach into another key's:
 * the scope is a hash of both, so neither the key nor the header value is ever stored or logged.
 * Without either the request is unscoped (the instance's own scope, if it has one). A bad header
 * value is an `InvalidOptionError` naming the header.
 */
export function requestScope(headers: Headers): string | undefined {
  const auth = AUTH_HEADERS.map((name) => headers.get(name));
  const named = checkScope(SCOPE_HEADER, headers.get(SCOPE_HEADER) ?? undefined);
  if (named === undefined && auth.every((value) => value === null)) return undefined;
  return `request:${sha256Hex(JSON.stringify([auth, named ?? null]))}`;
}

/** Headers without Headroom's own, which is not the provider's business. */
export function withoutScopeHeader(headers: Headers): Headers {
  const out = new Headers(headers);
  out.delete(SCOPE_HEADER);
  return out;
}

/** A request (body not yet read) without Headroom's own header. */
export function withoutScope(request: Request): Request {
  if (!request.headers.has(SCOPE_HEADER)) return request;
  return new Request(request, { headers: withoutScopeHeader(request.headers) });
}
