import type { Parser, Tree } from 'web-tree-sitter';
import type { CodeParser } from './grammars.js';
import type { LanguageSpec } from './languages.js';

/** The web-tree-sitter `Parser` behind a {@link CodeParser}, for core's own code (kept out of its public types). */
export function treeSitterParser(parser: CodeParser): Parser {
  return parser as unknown as Parser;
}

/** Parses source text as the language should be read; the tree's offsets are the text's. */
export type ParseSource = (text: string) => Tree | null;

/** A {@link ParseSource} for one language: C and C++ are parsed with their macros masked. */
export function sourceParser(parser: CodeParser, spec: LanguageSpec): ParseSource {
  const raw = treeSitterParser(parser);
  const mask = spec.mask;
  return mask ? (text) => raw.parse(mask(text)) : (text) => raw.parse(text);
}
