import { tokenizerForModel } from './encoding-for-model.js';
import { loadEncoding, loadRanks } from './load-encoding.js';
import type { TokenizerOption } from './tokenizer-option.js';

/** Counts tokens for one model. Synchronous once created. */
export interface TokenCounter {
  readonly model: string;
  count(text: string): number;
}

/**
 * Creates a counter for `model`, loading its encoding if needed. Counts are exact for OpenAI
 * models (equal to js-tiktoken's `encode(text, [], []).length`) and linear-time on any input.
 * A `tokenizer` replaces the model's table: one table for every model, or the app's own count.
 */
export async function createTokenCounter(
  model?: string,
  tokenizer?: TokenizerOption,
): Promise<TokenCounter> {
  const name = model ?? 'gpt-4o';
  if (tokenizer && 'count' in tokenizer) return { model: name, count: tokenizer.count };
  const spec = tokenizerForModel(model);
  const count = await (tokenizer ? loadRanks(tokenizer.ranks) : loadEncoding(spec.encoding));
  return {
    model: name,
    count: spec.factor === 1 ? count : (text) => Math.ceil(count(text) * spec.factor),
  };
}
