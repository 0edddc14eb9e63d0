import type { GrammarName } from '../compressors/code/grammars.js';

/**
 * What only some runtimes can do, chosen at module resolution by the `#platform` import in package.json:
 * the `node` condition gets `node/platform.ts`, everything else (edge, browsers, workers, a `neutral`
 * bundle) gets `platform/portable.ts`, so core's main entry names no Node module and no package that does.
 */
export interface Platform {
  /** Loads web-tree-sitter. Absent where it cannot be bundled; such apps pass it in (`treeSitter` option). */
  loadTreeSitter?: () => Promise<unknown>;
  /** The `.wasm` bytes core ships for a grammar, or for the web-tree-sitter runtime. */
  readWasm?: (name: GrammarName) => Promise<Uint8Array>;
  /** A Hugging Face model's snapshot directory in the local hub cache, so a model fetched once loads offline. */
  findHubSnapshot?: (repoId: string, revision?: string) => string | undefined;
  /** Hex SHA-256 of well-formed text's UTF-8, native and synchronous: CCR keys of large originals cost less. */
  sha256Hex?: (text: string) => string;
}
