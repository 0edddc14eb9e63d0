import { createHeadroom, createStats, type Headroom } from '@headroom/core/internal';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { mountDashboard, type DashboardRouteOptions } from '../dashboard/dashboard-routes.js';
import { formatForPath } from '../provider/formats.js';
import {
  createHeadroomHandler,
  type HeadroomHandlerOptions,
  type ProviderCallEvent,
} from '../provider/headroom-handler.js';
import { openaiChat } from '../provider/openai-chat.js';
import { forwardHeaders } from '../provider/relay-headers.js';
import {
  defaultUpstreams,
  fetchWithTimeout,
  upstreamFor,
  UpstreamTimeoutError,
  type Upstreams,
} from './upstream.js';

/** Options for {@link createProxyApp}. */
export interface ProxyOptions extends Omit<HeadroomHandlerOptions, 'stats'> {
  /** Provider base URLs (paths such as `/v1/messages` are appended). Default: OpenAI's and Anthropic's APIs. */
  upstreams?: Partial<Upstreams>;
  /** Largest request body accepted, in bytes. Default 32 MiB. */
  maxBodyBytes?: number;
  /** Longest wait for the provider's response headers, in ms. Default 600,000 (10 min). */
  upstreamTimeoutMs?: number;
  /** Receives one line per request: method, path, status, format, model, tokens, time. Never headers or bodies. */
  log?: (line: string) => void;
  /** The `fetch` used to reach the provider. Default: the global one. */
  fetch?: typeof fetch;
  /** Serve the savings dashboard at `GET /dashboard`, read from this stats ledger. */
  dashboard?: Pick<DashboardRouteOptions, 'ledgerPath' | 'intervalMs'>;
}

/** The proxy's counters, as `GET /stats` returns them. */
export interface ProxyStats {
  requests: number;
  compressedRequests: number;
  headroom: ReturnType<Headroom['stats']>;
  retrieval: { rounds: number; hits: number; misses: number; exhausted: number };
}

/**
 * The proxy as a Hono app: OpenAI- and Anthropic-compatible endpoints that compress and answer
 * `headroom_retrieve` rounds, every other path forwarded unchanged, `GET /health`, `GET /stats` and,
 * with a ledger, `GET /dashboard`.
 */
export function createProxyApp(options: ProxyOptions = {}): Hono {
  const headroom = options.headroom ?? createHeadroom();
  const stats = createStats();
  const upstreams: Upstreams = { ...defaultUpstreams, ...options.upstreams };
  const upstream = fetchWithTimeout(options.upstreamTimeoutMs ?? 600_000, options.fetch);
  const counters = { requests: 0, compressedRequests: 0 };
  const app = new Hono();

  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/stats', (c) => {
    const own = headroom.stats();
    return c.json({
      ...counters,
      headroom: own,
      retrieval: {
        rounds: stats.snapshot().retrievalRounds,
        exhausted: stats.snapshot().retrievalExhausted,
        hits: own.ccr.hits,
        misses: own.ccr.misses,
      },
    } satisfies ProxyStats);
  });

  if (options.dashboard) {
    mountDashboard(app, {
      ...options.dashboard,
      retrieval: () => {
        const s = stats.snapshot();
        return { rounds: s.retrievalRounds, hits: s.ccr.hits, misses: s.ccr.misses };
      },
    });
  }

  app.use(
    '*',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? 32 * 1024 * 1024,
      // The rest of the body is never read: the connection cannot carry another request.
      onError: (c) =>
        c.json(
          errorBody(
            c,
            `Request body is larger than ${options.maxBodyBytes ?? 32 * 1024 * 1024} bytes`,
            'request_too_large',
          ),
          413,
          { connection: 'close' },
        ),
    }),
  );

  app.all('*', async (c) => {
    const started = performance.now();
    counters.requests += 1;
    const incoming = c.req.raw;
    const url = new URL(incoming.url);
    const target = `${upstreamFor(url.pathname, incoming.headers, upstreams)}${url.pathname}${url.search}`;
    const hasBody = incoming.method !== 'GET' && incoming.method !== 'HEAD';
    const request = new Request(target, {
      method: incoming.method,
      headers: forwardHeaders(incoming.headers),
      body: hasBody ? await incoming.arrayBuffer() : undefined,
      signal: incoming.signal,
    });
    let call: ProviderCallEvent | undefined;
    const handle = createHeadroomHandler({
      ...options,
      headroom,
      stats,
      onCall: (event) => {
        call = event;
        if (event.compressed) counters.compressedRequests += 1;
        options.onCall?.(event);
      },
    });
    let response: Response;
    try {
      response = await handle(request, upstream);
    } catch (error) {
      if (incoming.signal.aborted) throw error;
      const timedOut = error instanceof UpstreamTimeoutError;
      const message = timedOut
        ? error.message
        : `Could not reach the provider at ${new URL(target).origin}`;
      response = c.json(errorBody(c, message, 'api_error'), timedOut ? 504 : 502);
    }
    options.log?.(
      logLine(incoming.method, url.pathname, response.status, call, performance.now() - started),
    );
    return response;
  });

  // Hono's default prints the error object; this proxy logs one line without payloads (a client gone mid-stream ends here too).
  app.onError((error, c) => {
    options.log?.(`${c.req.method} ${new URL(c.req.url).pathname} failed: ${error.name}`);
    return c.json(errorBody(c, 'The proxy could not complete the request', 'api_error'), 500);
  });

  return app;
}

function errorBody(
  c: Context,
  message: string,
  type: 'invalid_request_error' | 'request_too_large' | 'api_error',
) {
  return (formatForPath(new URL(c.req.url).pathname) ?? openaiChat).errorBody(message, type);
}

/** `POST /v1/messages 200 anthropic-messages claude-sonnet-4 tokens 4,687→624 38ms` — sizes only, never content or keys. */
function logLine(
  method: string,
  path: string,
  status: number,
  call: ProviderCallEvent | undefined,
  ms: number,
): string {
  const fmt = (n: number) => n.toLocaleString('en-US');
  const about = call
    ? ` ${call.format}${call.model ? ` ${call.model}` : ''}${call.stream ? ' stream' : ''} tokens ${fmt(call.tokensBefore)}→${fmt(call.tokensAfter)}`
    : '';
  return `${method} ${path} ${status}${about} ${Math.round(ms)}ms`;
}
