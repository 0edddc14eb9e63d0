import {
  retrieve as retrieveWith,
  type RetrieveOptions,
  type RetrieveResult,
} from '../ccr/retrieve.js';
import type { CcrStore } from '../ccr/store.js';
import { defaultCompressors, unitSplittersOf } from '../compressors/defaults.js';

const splitters = unitSplittersOf(defaultCompressors);

/** `retrieve()` with the default compressors' unit splitters, as a default `createHeadroom()` retrieves. */
export function retrieve(
  store: CcrStore,
  key: string,
  options: RetrieveOptions = {},
): Promise<RetrieveResult> {
  return retrieveWith(store, key, { splitters, ...options });
}
