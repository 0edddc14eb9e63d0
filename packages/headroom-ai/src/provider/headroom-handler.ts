import {
  answerCalls,
  reportExhausted,
  roundOutcome,
  unansweredCalls,
  type RetrievalContext,
  type RetrieveAnswer,
} from '@headroom/ai-middleware';
import {
  createHeadroom,
  globalStats,
  type Headroom,
  type Stats,
  type TransformRecord,
} from '@headroom/core/internal';
import { compressProviderRequest } from './compress-conversation.js';
import { formatForPath } from './formats.js';
import type { CompressedRequest, Json, ProviderFormat, ToolCallPart } from './provider-format.js';
import { forwardHeaders, relayHeaders } from './relay-headers.js';
import { requestScope, withoutScope, withoutScopeHeader } from './request-scope.js';
import { readSse } from './sse.js';

/** Sends a request to the provider (the SDK's own fetch, or the proxy's upstream call). */
export type Upstream = (request: Request) => Promise<Response>;

/** What one provider call did, for logs and the stats ledger: sizes and counts, never content or headers. */
export interface ProviderCallEvent {
  format: ProviderFormat['name'];
  model?: string;
  stream: boolean;
  status: number;
  tokensBefore: number;
  tokensAfter: number;
  compressed: boolean;
  /** What each compressor did (kinds, strategies, tokens): for the stats ledger. */
  transforms: TransformRecord[];
  ccrKeys: string[];
  /** Time spent compressing, in ms. */
  compressMs: number;
}

/** Options shared by `withHeadroom` and `headroom proxy`. */
export interface HeadroomHandlerOptions {
  /** The instance that compresses and stores originals. Default: `createHeadroom()`. */
  headroom?: Headroom;
  /** Most retrieval rounds per call. Default: the instance's `retrieval.maxRounds` (3). */
  maxRounds?: number;
  /** Counters for retrieval rounds (CCR hits and misses go to the instance's stats). Default: the process-wide `globalStats`. */
  stats?: Stats;
  /** Called once per compressible provider call, after the first upstream response. */
  onCall?: (event: ProviderCallEvent) => void;
}

/** Handles one HTTP request bound for a provider: compress, send, answer `headroom_retrieve` rounds, reply. */
export type HeadroomHandler = (request: Request, upstream: Upstream) => Promise<Response>;

type Outcome = ReturnType<typeof roundOutcome>;
const outcomeOf = (calls: ToolCallPart[], round: number, ctx: RetrievalContext): Outcome =>
  roundOutcome(calls as never, round, ctx.maxRounds);

function jsonResponse(body: unknown, status: number, headers?: Headers): Response {
  const out = new Headers(headers);
  out.set('content-type', 'application/json');
  return new Response(JSON.stringify(body), { status, headers: out });
}

function relay(response: Response, body: BodyInit | null = response.body): Response {
  return new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: relayHeaders(response.headers),
  });
}

function isJsonObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The one place the provider-format retrieval loop lives: `withHeadroom` puts it in the SDK's fetch, the
 * proxy behind its routes. Chat Completions, Responses and Messages requests are compressed; every other
 * request, and every error response, passes through unchanged.
 */
export function createHeadroomHandler(options: HeadroomHandlerOptions = {}): HeadroomHandler {
  const headroom = options.headroom ?? createHeadroom();
  const stats = options.stats ?? globalStats;
  const maxRounds = options.maxRounds ?? headroom.options.retrieval.maxRounds;

  return async (request, upstream) => {
    const format =
      request.method === 'POST' ? formatForPath(new URL(request.url).pathname) : undefined;
    if (!format) return relay(await upstream(withoutScope(request)));
    let scope: string | undefined;
    try {
      scope = requestScope(request.headers);
    } catch (error) {
      return jsonResponse(format.errorBody((error as Error).message, 'invalid_request_error'), 400);
    }
    // Retrieval answers only keys this caller's requests stored.
    const ctx: RetrievalContext = {
      answer: (input) => headroom.answerRetrieveCall(input, { scope }),
      stats,
      maxRounds,
    };
    const text = await request.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch (error) {
      return jsonResponse(
        format.errorBody(
          `Request body is not valid JSON: ${(error as Error).message}`,
          'invalid_request_error',
        ),
        400,
      );
    }
    if (!isJsonObject(body))
      return jsonResponse(
        format.errorBody('Request body must be a JSON object', 'invalid_request_error'),
        400,
      );

    const started = performance.now();
    const compressed = await compressProviderRequest(body, format.requestShape(body), {
      headroom,
      scope,
    });
    const compressMs = performance.now() - started;
    const headers = withoutScopeHeader(forwardHeaders(request.headers));
    // Aborted by the caller (client gone, SDK abort) or by a cancelled response stream.
    const cancel = new AbortController();
    const signal = AbortSignal.any([request.signal, cancel.signal]);
    const send = (next: Json | string) =>
      upstream(
        new Request(request.url, {
          method: 'POST',
          headers,
          body: typeof next === 'string' ? next : JSON.stringify(next),
          signal,
        }),
      );
    const first = await send(compressed.body === body ? text : compressed.body);
    report(options, { format, compressed, body, status: first.status, compressMs });
    if (!first.ok || !compressed.offersRetrieve || !first.body) return relay(first);
    const type = first.headers.get('content-type') ?? '';
    if (type.includes('text/event-stream'))
      return streamRounds({ format, first, body: compressed.body, send, ctx, cancel });
    if (type.includes('json'))
      return jsonRounds({ format, first, body: compressed.body, send, ctx });
    return relay(first);
  };
}

function report(
  options: HeadroomHandlerOptions,
  {
    format,
    compressed,
    body,
    status,
    compressMs,
  }: {
    format: ProviderFormat;
    compressed: CompressedRequest;
    body: Json;
    status: number;
    compressMs: number;
  },
): void {
  if (!options.onCall) return;
  const result = compressed.result;
  options.onCall({
    format: format.name,
    ...(typeof body.model === 'string' ? { model: body.model } : {}),
    stream: body.stream === true,
    status,
    tokensBefore: result?.tokensBefore ?? 0,
    tokensAfter: result?.tokensAfter ?? 0,
    compressed: result?.compressed ?? false,
    transforms: result?.transforms ?? [],
    ccrKeys: result?.ccrKeys ?? [],
    compressMs,
  });
}

interface Rounds {
  format: ProviderFormat;
  first: Response;
  body: Json;
  send: (body: Json) => Promise<Response>;
  ctx: RetrievalContext;
  cancel?: AbortController;
}

/** Non-streaming: answer retrieval-only turns and ask again; the caller gets one response. */
async function jsonRounds({ format, first, body, send, ctx }: Rounds): Promise<Response> {
  const text = await first.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return relay(first, text);
  }
  if (!isJsonObject(parsed)) return relay(first, text);
  let response = parsed;
  let request = body;
  const earlier: Json[] = [];
  for (let round = 0; ; round++) {
    const calls = format.toolCalls(response);
    const outcome = outcomeOf(calls, round, ctx);
    // Nothing to do, or the caller's own tools are in the turn: the response goes back as the provider sent it.
    if (round === 0 && (outcome === 'done' || outcome === 'inline')) return relay(first, text);
    if (outcome !== 'continue' && !isFinal(outcome, round, ctx))
      return jsonResponse(
        outcome === 'inline' ? response : format.finalResponse(response, earlier),
        200,
        relayHeaders(first.headers),
      );
    request = await nextRound({ format, request, response, calls, outcome, ctx });
    earlier.push(response);
    const next = await send(request);
    if (!next.ok) return relay(next);
    const reply: unknown = await next.json();
    if (!isJsonObject(reply)) return jsonResponse(reply, next.status, relayHeaders(next.headers));
    response = reply;
  }
}

/** Whether the rounds just ran out, so the model gets one final call in which it may call no tool. */
function isFinal(outcome: Outcome, round: number, ctx: RetrievalContext): boolean {
  return outcome === 'limit' && round === ctx.maxRounds;
}

/**
 * The request for the next round: the retrieval calls answered from the store, or once the rounds ran out,
 * answered with the limit note, in the final request (no tool callable), the exhaustion counted and told.
 */
async function nextRound({
  format,
  request,
  response,
  calls,
  outcome,
  ctx,
}: {
  format: ProviderFormat;
  request: Json;
  response: Json;
  calls: ToolCallPart[];
  outcome: Outcome;
  ctx: RetrievalContext;
}): Promise<Json> {
  if (outcome === 'limit') {
    const notes: RetrieveAnswer[] = unansweredCalls(calls as never, ctx);
    reportExhausted(ctx, notes.length);
    return format.finalRequest(format.nextRequest(request, response, notes));
  }
  const answers = await answerCalls(calls as never, ctx);
  ctx.stats.recordRetrievalRound();
  return format.nextRequest(request, response, answers);
}

/**
 * Streaming: events are relayed as they arrive; a round that ends with only retrieval calls is answered and
 * the next round's events continue the same response, so the caller sees one stream.
 */
function streamRounds({ format, first, body, send, ctx, cancel }: Rounds): Response {
  const tracker = format.createStreamTracker();
  const encoder = new TextEncoder();
  let events = readSse(first.body!);
  let request = body;
  let round = 0;

  const stream = new ReadableStream<Uint8Array>({
    // Each pull enqueues something or closes: a pull that enqueued nothing would stall the stream.
    async pull(controller) {
      try {
        for (;;) {
          const { done, value } = await events.next();
          if (!done) {
            const out = tracker.accept(value);
            if (out.length > 0) return controller.enqueue(encoder.encode(out.join('')));
            continue;
          }
          const response = tracker.response();
          const calls = format.toolCalls(response);
          const outcome = outcomeOf(calls, round, ctx);
          if (outcome !== 'continue' && !isFinal(outcome, round, ctx))
            return end(controller, tracker.finish(outcome));
          request = await nextRound({ format, request, response, calls, outcome, ctx });
          const next = await send(request);
          // The caller already has this round's text; a failed follow-up ends the stream cleanly without our calls.
          if (!next.ok || !next.body) {
            await next.body?.cancel();
            return end(controller, tracker.finish('limit'));
          }
          tracker.nextRound();
          round += 1;
          events = readSse(next.body);
        }
      } catch (error) {
        cancel?.abort(error);
        controller.error(error);
      }
    },
    cancel(reason) {
      // Ends the upstream body too, which ends the pending read.
      cancel?.abort(reason);
    },
  });

  function end(controller: ReadableStreamDefaultController<Uint8Array>, out: string[]): void {
    if (out.length > 0) controller.enqueue(encoder.encode(out.join('')));
    controller.close();
  }

  return new Response(stream, {
    status: first.status,
    statusText: first.statusText,
    headers: relayHeaders(first.headers),
  });
}
