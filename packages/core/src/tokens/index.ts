export { createTokenCounter, type TokenCounter } from './token-counter.js';
export {
  isKnownModel,
  tokenizerForModel,
  type EncodingName,
  type TokenizerSpec,
} from './encoding-for-model.js';
