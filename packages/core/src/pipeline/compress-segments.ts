import type { SegmentDecision, StoredOriginal } from '../cache/decision-cache.js';
import type { HeadroomSession } from '../cache/session.js';
import type { CcrStore } from '../ccr/store.js';
import { findMarkerKeys } from '../ccr/marker.js';
import { ccrKey } from '../hash/sha256.js';
import { detectContent } from '../router/detect-content.js';
import { throwIfAborted } from '../util/abort.js';
import type { FallbackReason, Stats } from '../stats/stats.js';
import type { TokenCounter } from '../tokens/token-counter.js';
import type {
  CcrMeta,
  CompressorContext,
  CompressorOutput,
  CompressorSet,
  ContentKind,
} from '../types.js';
import { hintsFor, queriesFor } from './hints.js';
import { loadDecisions, saveDecisions } from './shared-decisions.js';
import { createOriginalWriter, type WriteFailure } from './write-originals.js';
import { createAbortCheckpoint } from '../util/yield-to-event-loop.js';
import type { CallOptions, HeadroomOptions } from '../options/headroom-options.js';
import type { Segment, SegmentEdit } from './segment.js';

/** The tuning `compressSegments` reads: the checked `HeadroomOptions` plus one call's query, signal and scope. */
export type PipelineOptions = Pick<
  HeadroomOptions,
  | 'protectRecent'
  | 'minTokens'
  | 'minSavings'
  | 'maxSegmentChars'
  | 'ttlSeconds'
  | 'storeTimeoutMs'
  | 'storeConcurrency'
> &
  Pick<CallOptions, 'query' | 'signal' | 'scope'>;

/** What happened to one compressed segment. */
export interface TransformRecord {
  messageIndex: number;
  kind: ContentKind;
  strategy: string;
  tokensBefore: number;
  tokensAfter: number;
  ccrKeys: string[];
}

/** The pipeline's answer for a list of segments. */
export interface SegmentsResult {
  edits: SegmentEdit[];
  transforms: TransformRecord[];
  ccrKeys: string[];
  tokensBefore: number;
  tokensAfter: number;
}

interface PipelineDeps {
  counter: TokenCounter;
  store: CcrStore;
  stats: Stats;
  /** The compressor of each content kind; kinds without one pass through. */
  compressors: CompressorSet;
  /** Number of messages in the request, for `protectRecent`. */
  messageCount: number;
  /** Conversation state: a segment seen on an earlier turn gets the same decision again. */
  session?: HeadroomSession;
}

const DEFAULTS = {
  protectRecent: 4,
  minTokens: 200,
  minSavings: 0.15,
  maxSegmentChars: 32 * 1024 * 1024,
};

/**
 * The one pipeline: route each candidate segment, run its compressor, persist what it dropped,
 * and keep the result only when it saves enough and everything dropped is retrievable.
 */
export async function compressSegments(
  segments: readonly Segment[],
  options: PipelineOptions,
  deps: PipelineDeps,
): Promise<SegmentsResult> {
  const opts = { ...DEFAULTS, ...stripUndefined(options) };
  const queries = queriesFor(segments);
  const result: SegmentsResult = {
    edits: [],
    transforms: [],
    ccrKeys: [],
    tokensBefore: 0,
    tokensAfter: 0,
  };
  const storeCalls = { timeoutMs: opts.storeTimeoutMs, signal: opts.signal, stats: deps.stats };
  const decisionKeys = deps.session
    ? await loadDecisions(segments, deps.session, {
        ...storeCalls,
        maxSegmentChars: opts.maxSegmentChars,
      })
    : undefined;
  const writer = createOriginalWriter({
    ...storeCalls,
    store: deps.store,
    ttlSeconds: opts.ttlSeconds,
    concurrency: opts.storeConcurrency,
    scope: opts.scope,
  });
  // Compression runs segment by segment while the writes of earlier segments are in flight.
  const pending: Array<{
    segment: Segment;
    before: number;
    outcome: Outcome;
    written: Promise<WriteFailure | undefined>;
  }> = [];

  // Between segments the call yields now and then, so a signal aborted by a timer or a closed
  // socket is noticed mid-call rather than after the last segment.
  const checkpoint = createAbortCheckpoint(options.signal);
  for (const [index, segment] of segments.entries()) {
    await checkpoint();
    const before =
      segment.text.length > opts.maxSegmentChars
        ? estimateTokens(segment.text)
        : deps.counter.count(segment.text);
    result.tokensBefore += before;
    const query = options.query ?? queries[index] ?? '';
    const key = decisionKeys?.get(segment);
    const job: SegmentJob = { segment, query, tokensBefore: before };
    const outcome =
      deps.session && key
        ? await decideOnce(job, { key, session: deps.session }, { opts, deps })
        : await compressOne(job, { opts, deps });
    if (!outcome) {
      result.tokensAfter += before;
      continue;
    }
    pending.push({ segment, before, outcome, written: writer.write(outcome.stored) });
  }

  const failures = await Promise.all(pending.map(({ written }) => written));
  throwIfAborted(options.signal);
  for (const [index, { segment, before, outcome }] of pending.entries()) {
    const failure = failures[index];
    if (failure) {
      // Nothing is sent that points at an original the store does not hold.
      deps.stats.recordFallback(failure);
      deps.stats.recordSegment(outcome.kind, before, before);
      result.tokensAfter += before;
      // A first decision whose originals could not be stored becomes "sent as is", so later turns keep these bytes.
      if (outcome.decisionKey) deps.session?.decisions.set(outcome.decisionKey, { stored: [] });
      continue;
    }
    deps.stats.recordSegment(outcome.kind, before, outcome.tokensAfter, outcome.strategy);
    result.tokensAfter += outcome.tokensAfter;
    result.edits.push({ segment, text: outcome.text });
    result.transforms.push({
      messageIndex: segment.ref.message,
      kind: outcome.kind,
      strategy: outcome.strategy,
      tokensBefore: before,
      tokensAfter: outcome.tokensAfter,
      ccrKeys: outcome.keys,
    });
    for (const key of outcome.keys) if (!result.ccrKeys.includes(key)) result.ccrKeys.push(key);
  }
  if (deps.session) await saveDecisions(deps.session, storeCalls);
  return result;
}

/** One segment to decide on, with what the pipeline already knows about it. */
interface SegmentJob {
  segment: Segment;
  query: string;
  tokensBefore: number;
}

/** The resolved options and dependencies of the call a segment belongs to. */
interface CallRun {
  opts: typeof DEFAULTS & PipelineOptions;
  deps: PipelineDeps;
}

interface Outcome {
  text: string;
  kind: ContentKind;
  strategy: string;
  tokensAfter: number;
  keys: string[];
  stored: StoredOriginal[];
  /** Set when this call made the session's first decision for the segment. */
  decisionKey?: string;
}

/**
 * Turn-to-turn stability: the first decision about a segment (compressed text, or sent as is —
 * e.g. because it was recent code then) is reused on every later turn, so earlier bytes never
 * change. Originals are stored again on reuse: that refreshes their TTL and restores evicted ones.
 */
async function decideOnce(
  job: SegmentJob,
  { key, session }: { key: string; session: HeadroomSession },
  run: CallRun,
): Promise<Outcome | undefined> {
  if (!isCandidate(job, run.opts)) return compressOne(job, run);
  const earlier = session.decisions.get(key);
  if (!earlier) {
    const outcome = await compressOne(job, run);
    const decision: SegmentDecision = outcome
      ? {
          text: outcome.text,
          kind: outcome.kind,
          strategy: outcome.strategy,
          tokensAfter: outcome.tokensAfter,
          stored: outcome.stored,
        }
      : { stored: [] };
    session.decisions.set(key, decision);
    return outcome && { ...outcome, decisionKey: key };
  }
  session.recordReusedDecision();
  if (earlier.text === undefined || earlier.kind === undefined) return undefined;
  const kind = earlier.kind;
  const strategy = earlier.strategy ?? kind;
  const tokensAfter = earlier.tokensAfter ?? run.deps.counter.count(earlier.text);
  // The originals are stored again (with the other writes): that refreshes their TTL and restores evicted ones.
  return {
    text: earlier.text,
    kind,
    strategy,
    tokensAfter,
    keys: earlier.stored.map((s) => s.key),
    stored: earlier.stored,
  };
}

function isCandidate({ segment, tokensBefore }: SegmentJob, opts: typeof DEFAULTS): boolean {
  return (
    segment.source === 'tool_result' &&
    tokensBefore >= opts.minTokens &&
    segment.text.length <= opts.maxSegmentChars
  );
}

async function compressOne(
  { segment, query, tokensBefore }: SegmentJob,
  { opts, deps }: CallRun,
): Promise<Outcome | undefined> {
  if (segment.source !== 'tool_result' || tokensBefore < opts.minTokens) return undefined;
  const fallback = (kind: ContentKind, reason: FallbackReason): undefined => {
    deps.stats.recordFallback(reason);
    deps.stats.recordSegment(kind, tokensBefore, tokensBefore);
    return undefined;
  };
  if (segment.text.length > opts.maxSegmentChars) return fallback('text', 'too_large');

  const hints = hintsFor(segment);
  const detection = detectContent(segment.text, hints);
  const { kind } = detection;
  if (detection.binary) return undefined;
  if (kind === 'code' && segment.ref.message >= deps.messageCount - opts.protectRecent)
    return undefined;
  const spec = deps.compressors[kind];
  if (!spec) return undefined;

  const stashed = new Map<string, { original: string; meta: CcrMeta }>();
  const ctx: CompressorContext = {
    query,
    language: detection.language,
    fileName: hints.fileName,
    toolName: segment.toolName,
    countTokens: (text) => deps.counter.count(text),
    stash(original, meta) {
      const key = ccrKey(original);
      stashed.set(key, { original, meta: { ...meta, toolName: segment.toolName } });
      return key;
    },
    signal: opts.signal,
  };

  let output: CompressorOutput;
  try {
    output = await spec.compress(segment.text, ctx);
  } catch {
    throwIfAborted(opts.signal);
    return fallback(kind, 'compressor_error');
  }
  if (output.text === segment.text) return fallback(kind, 'insufficient_savings');

  // A marker must point at an original this call stashed; anything else would be unrecoverable. A
  // marker the tool output itself quoted (a transcript, a log of an agent) is only text, kept as is.
  const quoted = new Set(findMarkerKeys(segment.text));
  const keys = findMarkerKeys(output.text).filter((key) => !quoted.has(key) || stashed.has(key));
  if (keys.some((key) => !stashed.has(key))) return fallback(kind, 'invalid_output');
  const tokensAfter = deps.counter.count(output.text);
  if (tokensAfter > tokensBefore * (1 - opts.minSavings))
    return fallback(kind, 'insufficient_savings');

  const stored = keys.map((key) => ({ key, ...stashed.get(key)! }));
  return { text: output.text, kind, strategy: output.strategy ?? kind, tokensAfter, keys, stored };
}

/** Rough count for text too large to tokenize on the hot path (~4 characters a token). */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
