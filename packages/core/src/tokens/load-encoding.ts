import { HeadroomError } from '../errors/headroom-error.js';
import { createBpeCounter } from './bpe-counter.js';
import type { EncodingName } from './encoding-for-model.js';
import { isPackedRanks } from './packed-ranks.js';
import { isRanks, type RanksSource } from './tokenizer-option.js';

type Count = (text: string) => number;

const counters = new Map<EncodingName, Promise<Count>>();
const given = new WeakMap<object, Promise<Count>>();

/**
 * The exact counter for one encoding. Rank tables are megabytes, so each one is imported on first
 * use of a model that needs it — never both — and unpacked once per process. They are js-tiktoken's,
 * packed at build time into the form lookups read (scripts/pack-ranks.mjs).
 */
export function loadEncoding(name: EncodingName): Promise<Count> {
  let pending = counters.get(name);
  if (!pending) {
    const ranks =
      name === 'o200k_base'
        ? import('@headroom/core/ranks/o200k_base')
        : import('@headroom/core/ranks/cl100k_base');
    pending = counterOf(
      ranks.then((module) => module.default as unknown),
      `the ${name} tokenizer (@headroom/core/ranks/${name})`,
    );
    pending.catch(() => counters.delete(name));
    counters.set(name, pending);
  }
  return pending;
}

/** The counter for a table the app supplied (`tokenizer: { ranks }`), decoded once per table or loader. */
export function loadRanks(source: RanksSource): Promise<Count> {
  let pending = given.get(source);
  if (!pending) {
    const ranks =
      typeof source === 'function'
        ? source().then((module) => (isRanks(module) ? module : module.default) as unknown)
        : Promise.resolve(source as unknown);
    pending = counterOf(ranks, 'the rank table given as tokenizer.ranks');
    pending.catch(() => given.delete(source));
    given.set(source, pending);
  }
  return pending;
}

function counterOf(ranks: Promise<unknown>, what: string): Promise<Count> {
  return ranks
    .then((table) => {
      if (!isRanks(table) && !isPackedRanks(table))
        throw new Error(
          'it is not a rank table (aliased to @headroom/core/no-rank-table? then pass the tokenizer option: { ranks } for the table you bundle, or { count })',
        );
      return createBpeCounter(table);
    })
    .catch((cause: unknown) => {
      const detail = cause instanceof Error ? `: ${cause.message}` : '';
      throw new HeadroomError({
        code: 'tokenizer_error',
        message: `Could not load ${what}${detail}`,
        cause,
      });
    });
}
