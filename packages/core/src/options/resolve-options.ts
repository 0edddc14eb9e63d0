import type { HeadroomSession } from '../cache/session.js';
import { checkTtlSeconds, type CcrStore } from '../ccr/store.js';
import { DEFAULT_REPLY_MAX_CHARS } from '../ccr/retrieve.js';
import { resolveCompressors, type CompressorsOption } from '../compressors/defaults.js';
import { InvalidOptionError } from '../errors/invalid-option-error.js';
import type { Stats } from '../stats/stats.js';
import { checkTokenizer, type TokenizerOption } from '../tokens/tokenizer-option.js';
import { CONTENT_KINDS, type CompressorSet, type ContentKind } from '../types.js';
import {
  checkMethods,
  checkNumber,
  checkObject,
  checkOneOf,
  checkScope,
  checkString,
} from './checks.js';
import { isRecord } from '../util/is-record.js';
import type { CallOptions, HeadroomOptions } from './headroom-options.js';

/** Hard ceiling on `retrieval.maxRounds`: every round is a full model call with a growing prompt. */
export const MAX_RETRIEVAL_ROUNDS = 10;

/** {@link HeadroomOptions} after the one check: defaults filled in, compressors resolved. */
export interface ResolvedOptions {
  model?: string;
  tokenizer?: TokenizerOption;
  store: CcrStore;
  stats: Stats;
  compressors: CompressorSet;
  protectRecent: number;
  minTokens: number;
  minSavings: number;
  maxSegmentChars: number;
  ttlSeconds?: number;
  storeTimeoutMs?: number;
  storeConcurrency?: number;
  cacheAlign: 'report' | 'rewrite';
  retrieveTool: 'when-needed' | 'always';
  retrieval: { maxRounds: number; maxUnits: number; maxChars: number };
  scope?: string;
}

/** Checks every option once, at the entry point, and fills in the defaults (`store`, `stats` come from the caller). */
export function resolveOptions(
  options: unknown,
  defaults: { store: () => CcrStore; stats: () => Stats },
): ResolvedOptions {
  const o = checkObject('options', options) ?? {};
  const retrieval = checkObject('retrieval', o.retrieval) ?? {};
  const resolved: ResolvedOptions = {
    store: checkMethods<CcrStore>('store', o.store, ['get', 'put']) ?? defaults.store(),
    stats:
      checkMethods<Stats>('stats', o.stats, [
        'recordCall',
        'recordSegment',
        'recordFallback',
        'recordCcr',
        'snapshot',
      ]) ?? defaults.stats(),
    compressors: resolveCompressors(checkCompressors(o.compressors)),
    protectRecent: checkNumber('protectRecent', o.protectRecent, { min: 0, integer: true }) ?? 4,
    minTokens: checkNumber('minTokens', o.minTokens, { min: 0 }) ?? 200,
    minSavings:
      checkNumber('minSavings', o.minSavings, { min: 0, max: 1, exclusiveMax: true }) ?? 0.15,
    maxSegmentChars:
      checkNumber('maxSegmentChars', o.maxSegmentChars, { min: 1, integer: true }) ??
      32 * 1024 * 1024,
    cacheAlign: checkOneOf('cacheAlign', o.cacheAlign, ['report', 'rewrite'] as const) ?? 'report',
    retrieveTool:
      checkOneOf('retrieveTool', o.retrieveTool, ['when-needed', 'always'] as const) ??
      'when-needed',
    retrieval: {
      maxRounds:
        checkNumber('retrieval.maxRounds', retrieval.maxRounds, {
          min: 1,
          max: MAX_RETRIEVAL_ROUNDS,
          integer: true,
        }) ?? 3,
      maxUnits:
        checkNumber('retrieval.maxUnits', retrieval.maxUnits, { min: 1, integer: true }) ?? 50,
      maxChars:
        checkNumber('retrieval.maxChars', retrieval.maxChars, { min: 1, integer: true }) ??
        DEFAULT_REPLY_MAX_CHARS,
    },
  };
  const model = checkString('model', o.model);
  if (model !== undefined) resolved.model = model;
  const tokenizer = checkTokenizer(o.tokenizer);
  if (tokenizer !== undefined) resolved.tokenizer = tokenizer;
  const scope = checkScope('scope', o.scope);
  if (scope !== undefined) resolved.scope = scope;
  if (o.ttlSeconds !== undefined) resolved.ttlSeconds = checkTtlSeconds(o.ttlSeconds);
  const storeTimeoutMs = checkNumber('storeTimeoutMs', o.storeTimeoutMs, {
    min: 0,
    exclusiveMin: true,
  });
  if (storeTimeoutMs !== undefined) resolved.storeTimeoutMs = storeTimeoutMs;
  const storeConcurrency = checkNumber('storeConcurrency', o.storeConcurrency, {
    min: 1,
    integer: true,
  });
  if (storeConcurrency !== undefined) resolved.storeConcurrency = storeConcurrency;
  return resolved;
}

/** Checks one call's options; the instance's options were checked when it was created. */
export function checkCallOptions(options: unknown): CallOptions {
  const o = checkObject('options', options) ?? {};
  checkString('model', o.model);
  checkScope('scope', o.scope);
  checkNumber('protectRecent', o.protectRecent, { min: 0, integer: true });
  checkOneOf('format', o.format, ['openai', 'anthropic'] as const);
  if (o.tools !== undefined && !Array.isArray(o.tools))
    throw new InvalidOptionError({
      option: 'tools',
      value: o.tools,
      expected: 'an array of tool definitions',
    });
  if (o.system !== undefined && typeof o.system !== 'string' && !Array.isArray(o.system)) {
    throw new InvalidOptionError({
      option: 'system',
      value: o.system,
      expected: 'a string or an array of text blocks',
    });
  }
  if (o.query !== undefined && typeof o.query !== 'string')
    throw new InvalidOptionError({ option: 'query', value: o.query, expected: 'a string' });
  if (
    o.signal !== undefined &&
    (typeof o.signal !== 'object' ||
      o.signal === null ||
      typeof (o.signal as { aborted?: unknown }).aborted !== 'boolean')
  ) {
    throw new InvalidOptionError({ option: 'signal', value: o.signal, expected: 'an AbortSignal' });
  }
  checkMethods<HeadroomSession>('session', o.session, [
    'observe',
    'recordReusedDecision',
    'markRetrieveToolInjected',
  ]);
  return o as CallOptions;
}

function checkCompressors(value: unknown): CompressorsOption | undefined {
  const given = checkObject('compressors', value);
  if (!given) return undefined;
  for (const [kind, spec] of Object.entries(given)) {
    const option = `compressors.${kind}`;
    if (!CONTENT_KINDS.includes(kind as ContentKind))
      throw new InvalidOptionError({
        option,
        value: spec,
        expected: `a content kind (${CONTENT_KINDS.join(', ')})`,
      });
    if (spec === undefined || spec === false) continue;
    if (
      !isRecord(spec) ||
      typeof spec.compress !== 'function' ||
      (spec.units !== undefined && typeof spec.units !== 'function')
    ) {
      throw new InvalidOptionError({
        option,
        value: spec,
        expected: 'a compressor ({ compress, units? }, as create…Compressor() returns) or false',
      });
    }
  }
  return given as CompressorsOption;
}
