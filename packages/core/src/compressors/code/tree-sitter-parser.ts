import type { Parser } from 'web-tree-sitter';
import type { CodeParser } from './grammars.js';

/** The web-tree-sitter `Parser` behind a {@link CodeParser}, for core's own code (kept out of its public types). */
export function treeSitterParser(parser: CodeParser): Parser {
  return parser as unknown as Parser;
}
