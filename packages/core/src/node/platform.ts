import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { GrammarName } from '../compressors/code/grammars.js';
import type { Platform } from '../platform/platform.js';
import { findHubSnapshot } from './hub-cache.js';

// One static `new URL` per file: bundlers copy exactly these assets, where a computed path made them
// try to compile every `.wasm` of a folder as a module. `wasm/` sits beside `src/` and `dist/`.
const wasmFiles: Record<GrammarName, () => URL> = {
  'tree-sitter': () => new URL('../../wasm/tree-sitter.wasm', import.meta.url),
  python: () => new URL('../../wasm/tree-sitter-python.wasm', import.meta.url),
  javascript: () => new URL('../../wasm/tree-sitter-javascript.wasm', import.meta.url),
  typescript: () => new URL('../../wasm/tree-sitter-typescript.wasm', import.meta.url),
  tsx: () => new URL('../../wasm/tree-sitter-tsx.wasm', import.meta.url),
  go: () => new URL('../../wasm/tree-sitter-go.wasm', import.meta.url),
  rust: () => new URL('../../wasm/tree-sitter-rust.wasm', import.meta.url),
  java: () => new URL('../../wasm/tree-sitter-java.wasm', import.meta.url),
  cpp: () => new URL('../../wasm/tree-sitter-cpp.wasm', import.meta.url),
};

/** Node: web-tree-sitter from node_modules, grammars from the files core ships, the local Hugging Face cache, crypto's SHA-256. */
export const platform: Platform = {
  findHubSnapshot,
  sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex'),
  loadTreeSitter: () => import('web-tree-sitter'),
  async readWasm(name) {
    const bytes = await readFile(wasmFiles[name]());
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  },
};
