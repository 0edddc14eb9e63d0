export { createTokenCounter, type TokenCounter } from './token-counter.js';
export type { TiktokenRanks } from './bpe-counter.js';
export type { RanksSource, TokenizerOption } from './tokenizer-option.js';
export {
  isKnownModel,
  tokenizerForModel,
  type EncodingName,
  type TokenizerSpec,
} from './encoding-for-model.js';
