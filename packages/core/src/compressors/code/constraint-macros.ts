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
    const call = parameter ? MACRO_CALL.exec(parameter.text) : null;
    const end = parameter && call ? macroCallEnd(list, parameter) : undefined;
    if (!parameter || !call || end === undefined) continue;
    const start = parameter.startIndex + call[0].length;
    if (end - 1 - start >= MIN_CHARS) edits.push({ start, end: end - 1, text: PLACEHOLDER });
  }
  return edits;
}

/**
 * Where a template parameter spelled as a macro call ends: after the `)` that closes its `(`, within
 * the parameter list. Error recovery can end the parameter before it (`FMT_ENABLE_IF(!a() || !(b()))`
 * reads as a parameter and an ERROR holding the last `)`), so the brackets are counted in the text.
 */
export function macroCallEnd(list: Node, parameter: Node): number | undefined {
  const text = list.text;
  let depth = 0;
  for (
    let at = text.indexOf('(', parameter.startIndex - list.startIndex);
    at >= 0 && at < text.length;
    at++
  ) {
    const char = text[at];
    if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return list.startIndex + at + 1;
  }
  return undefined;
}
