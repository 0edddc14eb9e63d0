import type { Platform } from './platform.js';

/** Runtimes without a file system: grammars and the tree-sitter runtime come in through options. */
export const platform: Platform = {};
