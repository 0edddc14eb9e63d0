import { indentBefore, type Edit } from './edits.js';
import type { Span } from './outline.js';

/** Comments that steer tools (build tags, type checkers, linters): kept even inside a trimmed run. */
const DIRECTIVE =
  /^(?:\/\/go:|\/\/\s*\+build|\/\/\/\s*<reference|\/\/\s*@ts-|\/\/\s*eslint|\/\/\s*NOLINT|\/\/\s*#(?:end)?region|#\s*type:|#\s*noqa|#\s*pragma|#\s*fmt:|#!)/;

interface LineComment {
  start: number;
  end: number;
  text: string;
  indent: string;
}

/**
 * Cuts every comment to its first line: a multi-line block comment becomes `/** first line *\/`,
 * a run of line comments (`//`, `///`, `#` on consecutive lines) keeps its first non-empty
 * line and any tool directives. The dropped lines stay in the stored original.
 */
export function trimComments(source: string, comments: readonly Span[]): Edit[] {
  const edits: Edit[] = [];
  let run: LineComment[] = [];
  const flush = () => {
    const edit = trimRun(run);
    if (edit) edits.push(edit);
    run = [];
  };
  for (const comment of comments) {
    const end = trimNewlines(source, comment.start, comment.end);
    const text = source.slice(comment.start, end);
    if (text.startsWith('/*')) {
      flush();
      const edit = trimBlock(text, comment.start, end);
      if (edit) edits.push(edit);
      continue;
    }
    const indent = indentBefore(source, comment.start);
    if (indent === undefined) {
      flush();
      continue;
    }
    const last = run.at(-1);
    if (
      last &&
      !(
        /^\r?\n[ \t]*$/.test(source.slice(last.end, comment.start)) &&
        prefixOf(last.text) === prefixOf(text)
      )
    )
      flush();
    run.push({ start: comment.start, end, text, indent });
  }
  flush();
  return edits;
}

function trimRun(run: readonly LineComment[]): Edit | undefined {
  const first = run[0];
  const last = run.at(-1);
  if (!first || !last || run.length < 2) return undefined;
  const lead = run.find((c) => c.text.slice(prefixOf(c.text).length).trim() !== '') ?? first;
  const kept = run.filter((c) => c === lead || DIRECTIVE.test(c.text));
  if (kept.length === run.length) return undefined;
  return {
    start: first.start,
    end: last.end,
    text: kept.map((c) => c.text).join(`\n${first.indent}`),
  };
}

function trimBlock(text: string, start: number, end: number): Edit | undefined {
  if (!text.includes('\n')) return undefined;
  const open = text.startsWith('/**') ? '/**' : text.startsWith('/*!') ? '/*!' : '/*';
  const inner = text.slice(open.length, text.endsWith('*/') ? -2 : undefined);
  const firstLine = inner
    .split('\n')
    .map((line) => line.replace(/^\s*\*+/, '').trim())
    .find((line) => line !== '');
  if (!firstLine) return undefined;
  return { start, end, text: `${open} ${firstLine} */` };
}

/** `///`, `//!`, `//` or `#`: runs only join comments of the same kind. */
function prefixOf(text: string): string {
  return /^(?:\/\/[/!]?|#)/.exec(text)?.[0] ?? '';
}

/** Some grammars (Rust) end a line comment after its newline; runs are measured without it. */
function trimNewlines(source: string, start: number, end: number): number {
  let at = end;
  while (at > start && (source[at - 1] === '\n' || source[at - 1] === '\r')) at--;
  return at;
}

/** Doc comments by their syntax (`/**`, `/*!`, `///`, `//!`): what the deepest pass keeps of comments. */
const DOC = /^(?:\/\*\*|\/\*!|\/\/\/|\/\/!)/;
/** Editor folding marks carry nothing for a reader. */
const REGION = /^\/\/\s*#(?:end)?region/;

/** Splits comments into doc comments (and tool directives) and the rest, which the deepest pass drops. */
export function partitionComments(
  source: string,
  comments: readonly Span[],
): { kept: Span[]; plain: Span[] } {
  const kept: Span[] = [];
  const plain: Span[] = [];
  for (const comment of comments) {
    const text = source.slice(comment.start, comment.end);
    const keep = DOC.test(text) || (DIRECTIVE.test(text) && !REGION.test(text));
    (keep ? kept : plain).push(comment);
  }
  return { kept, plain };
}

/**
 * Edits that delete comments (or any span: a C++ `static_assert`): one alone on its line goes with
 * its line, one after code with the spaces before it. The deleted text stays in the stored original.
 */
export function dropComments(source: string, comments: readonly Span[]): Edit[] {
  return comments.map((comment) => {
    const end = trimNewlines(source, comment.start, comment.end);
    const indent = indentBefore(source, comment.start);
    if (indent === undefined) {
      let start = comment.start;
      while (start > 0 && (source[start - 1] === ' ' || source[start - 1] === '\t')) start--;
      return { start, end, text: '' };
    }
    const lineStart = comment.start - indent.length;
    const newline =
      source[end] === '\r' && source[end + 1] === '\n' ? 2 : source[end] === '\n' ? 1 : 0;
    return { start: lineStart, end: end + newline, text: '' };
  });
}
