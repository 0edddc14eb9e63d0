import { HeadroomError } from '@headroom/core/internal';
import { formatForPath } from '../provider/formats.js';
import { SCOPE_HEADER, withoutScope } from '../provider/request-scope.js';
import {
  createHeadroomHandler,
  type HeadroomHandlerOptions,
} from '../provider/headroom-handler.js';

type Fetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * What `withHeadroom` needs of a client: the official `openai` and `@anthropic-ai/sdk` clients both have it.
 * Their own `fetch` is a private member, so it can't be named here (a class with a private `fetch` is not
 * assignable to a type with a public one); it is read at run time instead.
 */
export interface HeadroomWrappableClient {
  withOptions(options: { fetch: Fetch }): unknown;
}

/** Options for {@link withHeadroom}: the instance, the retrieval rounds and the per-call report. */
export type WithHeadroomOptions = HeadroomHandlerOptions;

function urlOf(input: string | URL | Request): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/**
 * Wraps an `openai` or `@anthropic-ai/sdk` client: `chat.completions.create`, `responses.create`,
 * `messages.create` and `messages.stream` are compressed and their `headroom_retrieve` rounds answered
 * (streaming too), through the same handler the proxy runs. Works on the client's HTTP layer, so
 * everything else (other endpoints, retries, typed errors, stream helpers) is the SDK's own, untouched.
 * Retrieval is scoped to the client's API key; an `x-headroom-scope` header narrows it to one user.
 */
export function withHeadroom<C extends HeadroomWrappableClient>(
  client: C,
  options: WithHeadroomOptions = {},
): C {
  if (typeof client?.withOptions !== 'function') {
    throw new HeadroomError({
      code: 'config_error',
      message:
        'withHeadroom() expects an OpenAI or Anthropic client from the official SDKs (an object with withOptions())',
    });
  }
  const handle = createHeadroomHandler(options);
  const own = (client as { fetch?: unknown }).fetch;
  const base: Fetch =
    typeof own === 'function' ? (own as Fetch) : (input, init) => globalThis.fetch(input, init);
  const upstream = (request: Request) => base(request);
  const fetch: Fetch = (input, init) => {
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    if (method.toUpperCase() !== 'POST' || !formatForPath(new URL(urlOf(input)).pathname)) {
      // A scope header set on the client (defaultHeaders) stays here on the other endpoints too.
      const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : {}));
      if (!headers.has(SCOPE_HEADER)) return base(input, init);
      return base(withoutScope(new Request(input, init)));
    }
    return handle(new Request(input, init), upstream);
  };
  return client.withOptions({ fetch }) as C;
}
