import { HeadroomError } from '../errors/headroom-error.js';
import { createBpeCounter } from './bpe-counter.js';
import type { EncodingName } from './encoding-for-model.js';

const counters = new Map<EncodingName, Promise<(text: string) => number>>();

/**
 * The exact counter for one encoding. Rank tables are megabytes, so each one is imported on first
 * use of a model that needs it — never both — and decoded once per process.
 */
export function loadEncoding(name: EncodingName): Promise<(text: string) => number> {
  let pending = counters.get(name);
  if (!pending) {
    const ranks =
      name === 'o200k_base'
        ? import('js-tiktoken/ranks/o200k_base')
        : import('js-tiktoken/ranks/cl100k_base');
    pending = ranks
      .then((module) => createBpeCounter(module.default))
      .catch((cause: unknown) => {
        counters.delete(name);
        throw new HeadroomError({
          code: 'tokenizer_error',
          message: `Could not load the ${name} tokenizer`,
          cause,
        });
      });
    counters.set(name, pending);
  }
  return pending;
}
