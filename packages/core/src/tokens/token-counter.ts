import { tokenizerForModel } from './encoding-for-model.js';
import { loadEncoding } from './load-encoding.js';

/** Counts tokens for one model. Synchronous once created. */
export interface TokenCounter {
  readonly model: string;
  count(text: string): number;
}

/**
 * Creates a counter for `model`, loading its encoding if needed. Counts are exact for OpenAI
 * models (equal to js-tiktoken's `encode(text, [], []).length`) and linear-time on any input.
 */
export async function createTokenCounter(model?: string): Promise<TokenCounter> {
  const spec = tokenizerForModel(model);
  const count = await loadEncoding(spec.encoding);
  return {
    model: model ?? 'gpt-4o',
    count: spec.factor === 1 ? count : (text) => Math.ceil(count(text) * spec.factor),
  };
}
