import { InvalidOptionError } from '../errors/invalid-option-error.js';
import type { TiktokenRanks } from './bpe-counter.js';

/** A tiktoken rank table, or a function that imports one (`() => import('js-tiktoken/ranks/o200k_base')`). */
export type RanksSource =
  | TiktokenRanks
  | (() => Promise<TiktokenRanks | { default: TiktokenRanks }>);

/**
 * How tokens are counted instead of the model's own tiktoken table, for apps that keep tables out of their
 * bundle: `{ ranks }` counts every model with that one table (Claude and Gemini with their usual factor),
 * `{ count }` with your function, as is.
 */
export type TokenizerOption = { ranks: RanksSource } | { count: (text: string) => number };

/** Checks the `tokenizer` option's shape; the table itself is checked when it is loaded. */
export function checkTokenizer(value: unknown): TokenizerOption | undefined {
  if (value === undefined) return undefined;
  const { ranks, count } = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  if (typeof count === 'function' && ranks === undefined)
    return { count: count as (text: string) => number };
  if (ranks !== undefined && count === undefined && (typeof ranks === 'function' || isRanks(ranks)))
    return { ranks: ranks as RanksSource };
  throw new InvalidOptionError({
    option: 'tokenizer',
    value,
    expected:
      '{ ranks } (a js-tiktoken rank table, or a function importing one) or { count: (text) => number }',
  });
}

/** Whether `value` looks like a js-tiktoken rank module's default export. */
export function isRanks(value: unknown): value is TiktokenRanks {
  const ranks = value as Partial<TiktokenRanks> | null;
  return (
    typeof ranks === 'object' &&
    ranks !== null &&
    typeof ranks.bpe_ranks === 'string' &&
    typeof ranks.pat_str === 'string'
  );
}
