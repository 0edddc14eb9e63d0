import { Tiktoken } from 'js-tiktoken/lite';
import { sha256Hex } from '../hash/sha256.js';
import { HeadroomError } from '../errors/headroom-error.js';
import { tokenizerForModel, type EncodingName } from './encoding-for-model.js';

/** Counts tokens for one model. Synchronous once created. */
export interface TokenCounter {
  readonly model: string;
  count(text: string): number;
}

const encoders = new Map<EncodingName, Promise<Tiktoken>>();

// Ranks are large (MBs), so each encoding loads on first use and only once per process.
function loadEncoder(name: EncodingName): Promise<Tiktoken> {
  let pending = encoders.get(name);
  if (!pending) {
    pending = (name === 'o200k_base' ? import('js-tiktoken/ranks/o200k_base') : import('js-tiktoken/ranks/cl100k_base'))
      .then((ranks) => new Tiktoken(ranks.default))
      .catch((cause: unknown) => {
        encoders.delete(name);
        throw new HeadroomError({ code: 'tokenizer_error', message: `Could not load the ${name} tokenizer`, cause });
      });
    encoders.set(name, pending);
  }
  return pending;
}

/** Counts are cached by content hash: old messages are counted once per conversation, not once per turn. */
const CACHE_LIMIT = 20_000;
/** Below this length hashing costs more than counting. */
const CACHE_MIN_LENGTH = 512;

/**
 * BPE merging is quadratic in the length of one pre-token, and tiktoken's pre-tokenizer keeps a run of
 * letters whole: 16k identical letters take ~15 s, 10 MB would hang. Such runs are estimated instead
 * (~4 letters a token), which changes nothing for ordinary text, code or JSON.
 */
const LONG_RUN = 256;
const letter = /[\p{L}\p{M}]/u;

function isLetter(code: number): boolean {
  if (code < 128) return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return letter.test(String.fromCharCode(code));
}

// A linear scan: a regex with an unbounded quantifier overflows the stack on megabytes of one letter.
function encodedLength(encoder: Tiktoken, text: string): number {
  if (text.length < LONG_RUN) return encoder.encode(text, [], []).length;
  let estimated = 0;
  let kept = '';
  let from = 0;
  let runStart = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i < text.length && isLetter(text.charCodeAt(i))) continue;
    if (i - runStart >= LONG_RUN) {
      kept += text.slice(from, runStart) + ' ';
      estimated += Math.ceil((i - runStart) / 4);
      from = i;
    }
    runStart = i + 1;
  }
  if (estimated === 0) return encoder.encode(text, [], []).length;
  return encoder.encode(kept + text.slice(from), [], []).length + estimated;
}

const caches = new Map<string, Map<string, number>>();
function cacheFor(id: string): Map<string, number> {
  let cache = caches.get(id);
  if (!cache) caches.set(id, (cache = new Map()));
  return cache;
}

/** Creates a counter for `model`, loading its encoder if needed. */
export async function createTokenCounter(model?: string): Promise<TokenCounter> {
  const spec = tokenizerForModel(model);
  const encoder = await loadEncoder(spec.encoding);
  const cache = cacheFor(`${spec.encoding}:${spec.factor}`);
  const raw = (text: string): number => Math.ceil(encodedLength(encoder, text) * spec.factor);
  return {
    model: model ?? 'gpt-4o',
    count(text: string): number {
      if (text.length < CACHE_MIN_LENGTH) return raw(text);
      const key = sha256Hex(text);
      const hit = cache.get(key);
      if (hit !== undefined) return hit;
      const value = raw(text);
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      cache.set(key, value);
      return value;
    },
  };
}
