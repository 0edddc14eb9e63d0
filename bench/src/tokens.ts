import { Tiktoken } from 'js-tiktoken/lite';
import o200k from 'js-tiktoken/ranks/o200k_base';

const encoder = new Tiktoken(o200k);

/** o200k_base token count (GPT-4o family), uncached: the bench's own ruler, independent of core's counter. */
export function countTokens(text: string): number {
  return encoder.encode(text, [], []).length;
}

/** o200k_base token ids, for measuring how much of two requests a provider would see as the same prefix. */
export function encodeTokens(text: string): number[] {
  return encoder.encode(text, [], []);
}
