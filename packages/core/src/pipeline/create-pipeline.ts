import type { MessageAdapter } from '../adapters/adapter.js';
import {
  alignRequest,
  type AnthropicSystem,
  type RequestAlignment,
} from '../cache/align-request.js';
import type { CacheReport } from '../cache/cache-report.js';
import { safeStringify } from '../cache/safe-stringify.js';
import { answerRetrieveCall, retrieve, type ScopedRetrieval } from '../ccr/retrieve.js';
import { unitSplittersOf } from '../compressors/defaults.js';
import { checkMessages } from '../options/check-messages.js';
import { checkScope } from '../options/checks.js';
import type { CallOptions } from '../options/headroom-options.js';
import type { ResolvedOptions } from '../options/resolve-options.js';
import { createTokenCounter } from '../tokens/token-counter.js';
import { compressSegments, type TransformRecord } from './compress-segments.js';

/** What one pipeline run did: the messages in the shape they came in, plus what was saved. */
export interface CompressResult<M, S extends AnthropicSystem = AnthropicSystem> {
  messages: M[];
  tokensBefore: number;
  tokensAfter: number;
  tokensSaved: number;
  /** tokensAfter / tokensBefore (1 when nothing changed). */
  ratio: number;
  /** Whether any message changed (compressed segments or the CacheAligner's rewrite). */
  compressed: boolean;
  transforms: TransformRecord[];
  ccrKeys: string[];
  /** The Anthropic `system` to send (rewritten in rewrite mode), typed as given; present when `system` was given. */
  system?: S;
  /** CacheAligner findings and prefix stability. */
  cache: CacheReport;
  /** Include `headroom_retrieve` in the tools: `retrieveTool: 'always'`, or markers were emitted now or earlier in the session. */
  retrieveTool: boolean;
}

/**
 * The one pipeline behind `compress()`, `createHeadroom()` and every integration: adapter →
 * segments → router → compressors → CCR store → CacheAligner → adapter back, with options that were
 * checked once when it was created.
 */
export interface Pipeline extends ScopedRetrieval {
  readonly options: ResolvedOptions;
  /** Compresses `messages` in the adapter's format. Message count, roles, order and tool-call ids never change (rewrite mode appends one user message). */
  run<M, S extends AnthropicSystem = AnthropicSystem>(
    adapter: MessageAdapter<M>,
    messages: readonly M[],
    call?: CallOptions & { system?: S },
  ): Promise<CompressResult<M, S>>;
}

/** Builds the pipeline for options already checked by `resolveOptions`. */
export function createPipeline(options: ResolvedOptions): Pipeline {
  const { store, stats } = options;
  const retrieval = {
    splitters: unitSplittersOf(options.compressors),
    maxUnits: options.retrieval.maxUnits,
  };

  async function run<M, S extends AnthropicSystem = AnthropicSystem>(
    adapter: MessageAdapter<M>,
    messages: readonly M[],
    call: CallOptions & { system?: S } = {},
  ): Promise<CompressResult<M, S>> {
    checkMessages(messages);
    const started = performance.now();
    const segments = adapter.extract(messages);
    const counter = await createTokenCounter(call.model ?? options.model, options.tokenizer);
    const { session, tools } = call;
    const result = await compressSegments(
      segments,
      {
        ...options,
        protectRecent: call.protectRecent ?? options.protectRecent,
        query: call.query,
        signal: call.signal,
        scope: call.scope ?? options.scope,
      },
      {
        counter,
        store,
        stats,
        compressors: options.compressors,
        messageCount: messages.length,
        session,
      },
    );
    const aligned = alignRequest(adapter.systemIn, segments, {
      system: call.system,
      tools,
      rewrite: options.cacheAlign === 'rewrite',
    });
    const edits = [...result.edits, ...aligned.edits];
    const out = edits.length > 0 ? adapter.apply(messages, edits) : [...messages];
    if (aligned.dynamicBlock !== undefined)
      insertDynamicMessage(out, adapter.userMessage(aligned.dynamicBlock));
    const tokensAfter = result.tokensAfter + alignmentTokens(aligned, counter.count);
    stats.recordCall(result.tokensBefore, tokensAfter, performance.now() - started);
    const retrieveTool =
      options.retrieveTool === 'always' ||
      result.ccrKeys.length > 0 ||
      session?.retrieveToolInjected === true;
    if (session && retrieveTool) session.markRetrieveToolInjected();

    const { alignment } = aligned;
    const cache: CacheReport = {
      volatile: alignment.findings,
      prefixHash: alignment.prefixHash,
      moved: alignment.moved,
    };
    if (alignment.warning) cache.warning = alignment.warning;
    if (session) {
      const parts = requestParts(
        out,
        tools,
        adapter.systemIn === 'request' ? aligned.system : undefined,
      );
      Object.assign(
        cache,
        session.observe({ prefixHash: alignment.prefixHash, parts }, counter.count),
      );
    }
    const compressed: CompressResult<M, S> = {
      messages: out,
      tokensBefore: result.tokensBefore,
      tokensAfter,
      tokensSaved: result.tokensBefore - tokensAfter,
      ratio: result.tokensBefore === 0 ? 1 : tokensAfter / result.tokensBefore,
      compressed: edits.length > 0 || aligned.dynamicBlock !== undefined,
      transforms: result.transforms,
      ccrKeys: result.ccrKeys,
      cache,
      retrieveTool,
    };
    // The aligner keeps the given shape and changes only texts (rebuildSystem).
    if (aligned.system !== undefined) compressed.system = aligned.system as S;
    return compressed;
  }

  return {
    options,
    run,
    async retrieve(key, { query, offset, scope } = {}) {
      try {
        const found = await retrieve(store, key, {
          ...retrieval,
          query,
          offset,
          scope: checkScope('scope', scope) ?? options.scope,
        });
        stats.recordCcr('hit');
        return found;
      } catch (error) {
        stats.recordCcr('miss');
        throw error;
      }
    },
    async answerRetrieveCall(input, { scope } = {}) {
      const answer = await answerRetrieveCall(store, input, {
        ...retrieval,
        maxChars: options.retrieval.maxChars,
        scope: checkScope('scope', scope) ?? options.scope,
      });
      stats.recordCcr(answer.isError ? 'miss' : 'hit');
      return answer;
    },
  };
}

/** The dynamic block goes last, or just before a trailing assistant prefill, which must stay last. */
function insertDynamicMessage<M>(messages: M[], message: M): void {
  const last = messages[messages.length - 1] as { role?: unknown } | undefined;
  messages.splice(last?.role === 'assistant' ? messages.length - 1 : messages.length, 0, message);
}

/** Tokens the rewrite adds: placeholders instead of values, plus the dynamic block. */
function alignmentTokens(aligned: RequestAlignment, count: (text: string) => number): number {
  if (aligned.dynamicBlock === undefined) return 0;
  let delta = count(aligned.dynamicBlock);
  for (const { before, after } of aligned.rewrites) delta += count(after) - count(before);
  return delta;
}

/** The request as the provider sees it, in order, one serialized piece each: tools, system, messages. */
function requestParts(
  messages: readonly unknown[],
  tools: readonly unknown[] | undefined,
  system: AnthropicSystem | undefined,
): string[] {
  const parts: string[] = [];
  if (tools && tools.length > 0) parts.push(safeStringify(tools));
  if (system !== undefined) parts.push(safeStringify(system));
  for (const message of messages) parts.push(safeStringify(message));
  return parts;
}
