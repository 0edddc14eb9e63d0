import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { GrammarName } from './grammars.js';

const require = createRequire(import.meta.url);

/** Node's default grammar loader: the `.wasm` files of the installed `@vscode/tree-sitter-wasm` package. */
export async function nodeGrammarLoader(name: GrammarName): Promise<Uint8Array | undefined> {
  // web-tree-sitter locates its own runtime next to its module in Node.
  if (name === 'tree-sitter') return undefined;
  const bytes = await readFile(require.resolve(`@vscode/tree-sitter-wasm/wasm/tree-sitter-${name}.wasm`));
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
