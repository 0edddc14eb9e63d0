import { docstringFirstLine } from './docstring.js';
import { indentBefore, type Edit } from './edits.js';
import type { BodyCandidate, Span } from './outline.js';

/** Bodies up to this many lines and characters stay whole: the placeholder would save little. */
export interface ShortBody {
  maxLines: number;
  maxChars: number;
}

/** Lines of code in a body, not counting lines holding only its braces. */
export function bodyLines(source: string, body: BodyCandidate): number {
  const rows = body.endRow - body.startRow + 1;
  return source[body.start] === '{' && rows > 2 ? rows - 2 : rows;
}

/** Whether a body is short enough to keep. */
export function isShort(source: string, body: BodyCandidate, short: ShortBody): boolean {
  return bodyLines(source, body) <= short.maxLines && body.end - body.start <= short.maxChars;
}

/**
 * The edit that replaces a body with a one-line placeholder in the language's own syntax, saying
 * which original lines it held (`{ /* lines 12-53 omitted *\/ }`, `...  # lines 12-53 omitted` after a
 * Python docstring's first line). The range alone: a line count would cost tokens and say nothing more.
 * With `declare`, a definition that has a body-less form becomes it (`int f(int x) const;`).
 */
export function collapseBody(
  source: string,
  body: BodyCandidate,
  indented: boolean,
  declare: boolean,
): Edit {
  if (declare && body.declaration)
    return { start: body.declaration.start, end: body.end, text: body.declaration.text };
  if (!indented)
    return {
      start: body.start,
      end: body.end,
      text: `{ /* ${omitted(source, body, body.startRow)} */ }`,
    };
  const doc = body.docstring;
  const summary = doc ? docstringFirstLine(source.slice(doc.start, doc.end)) : undefined;
  if (!doc || summary === undefined)
    return {
      start: body.start,
      end: body.end,
      text: `...  # ${omitted(source, body, body.startRow)}`,
    };
  // The docstring's first line stays; the rest of the body goes.
  if (doc.end >= body.end) return { start: doc.start, end: doc.end, text: summary };
  const indent = indentBefore(source, body.start) ?? '    ';
  return {
    start: body.start,
    end: body.end,
    text: `${summary}\n${indent}...  # ${omitted(source, body, doc.endRow + 1)}`,
  };
}

/** `lines 12-53 omitted` in 1-based original line numbers. */
function omitted(source: string, body: BodyCandidate, fromRow: number): string {
  const braces = source[body.start] === '{' && body.endRow - body.startRow >= 2;
  const first = (braces ? body.startRow + 1 : fromRow) + 1;
  const last = (braces ? body.endRow - 1 : body.endRow) + 1;
  if (body.startRow === body.endRow || last < first)
    return `body of line ${Math.min(first, last)} omitted`;
  if (last === first) return `line ${first} omitted`;
  return `lines ${first}-${last} omitted`;
}

/**
 * The edit that replaces multi-line data (an array table, an initializer list, a macro body) with a
 * placeholder inside the same brackets: `[ /* lines 12-51 omitted *\/ ]`.
 */
export function collapseData(source: string, data: Span): Edit {
  const open = source[data.start] ?? '';
  const close = source[data.end - 1] ?? '';
  const bracketed = BRACKETS[open] === close;
  const first = data.startRow + (bracketed ? 1 : 0) + 1;
  const last = data.endRow + (bracketed ? -1 : 0) + 1;
  const note = last > first ? `lines ${first}-${last} omitted` : `line ${first} omitted`;
  return {
    start: data.start,
    end: data.end,
    text: bracketed ? `${open} /* ${note} */ ${close}` : `/* ${note} */`,
  };
}

const BRACKETS: Readonly<Record<string, string>> = { '[': ']', '{': '}', '(': ')' };
