import type { Node } from 'web-tree-sitter';
import type { Edit } from './edits.js';

/** A template parameter spelled as a macro call: `FMT_ENABLE_IF(cond)`, `BOOST_REQUIRES(cond)`. */
export const MACRO_CALL = /^[A-Z][A-Z0-9]*_[A-Z0-9_]*\s*\(/;
/** Shorter arguments stay: the placeholder would save nothing. */
const MIN_CHARS = 12;
const PLACEHOLDER = '/*…*/';

/**
 * C++ template parameters that are constraint macros (`FMT_ENABLE_IF(std::is_same<T, char>::value)`):
 * the condition is SFINAE plumbing the overload's signature does not need to be read, so it
 * becomes `FMT_ENABLE_IF(/*…*\/)`, which parses as the call did. The file's marker retrieves it.
 */
export function foldConstraintMacros(list: Node): Edit[] {
  const edits: Edit[] = [];
  for (const parameter of list.namedChildren) {
    const text = parameter?.text ?? '';
    const call = MACRO_CALL.exec(text);
    if (!parameter || !call || !text.endsWith(')')) continue;
    const start = parameter.startIndex + call[0].length;
    const end = parameter.endIndex - 1;
    if (end - start >= MIN_CHARS) edits.push({ start, end, text: PLACEHOLDER });
  }
  return edits;
}
