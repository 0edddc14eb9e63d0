import type { Node, Tree } from 'web-tree-sitter';
import type { Piece } from './edits.js';
import type { LanguageSpec } from './languages.js';
import { declaredNames } from './declared-names.js';
import { missingClosers } from './missing-closers.js';
import { collectOutline, type Outline } from './outline.js';
import { countSyntaxErrors, syntaxErrorSpans, type ErrorSpan } from './syntax-errors.js';
import type { ParseSource } from './tree-sitter-parser.js';

/** A file's outline, and how it was made parseable. */
export interface ParsedOutline {
  outline: Outline;
  /** Syntax errors of the text as given. */
  errors: number;
  /**
   * What the outline's offsets point into: the text itself, or for a cut-off file (a partial read)
   * its head up to `cut` plus the brackets that close what the cut left open.
   */
  source: string;
  /** Where the head ends in the text; the tail after it is kept as it is. */
  cut: number;
  closers: string;
  /** Syntax errors of `source`. */
  sourceErrors: number;
  /** The names `source` declares at namespace and class level: the output must declare them all. */
  names: string[];
}

/** Lines to drop from the end of a cut-off file before closing its brackets: a cut mid-statement can't be closed. */
const BACKOFF = [0, 1, 3, 8, 24];
/**
 * Repair re-parses the text up to ten times; past this size (megabytes of concatenated sources,
 * not a partial read of one file) the outline of the text as given is used, keeping time linear.
 */
const REPAIR_MAX_CHARS = 512 * 1024;

/** Parses `text` and outlines it; a file that breaks off mid-definition is outlined as if closed there. */
export function parseOutline(
  parse: ParseSource,
  text: string,
  spec: LanguageSpec,
): ParsedOutline | undefined {
  const tree = parse(text);
  if (!tree) return undefined;
  try {
    const spans = syntaxErrorSpans(tree);
    const errors = spans.length;
    const lastLine = lastLineStart(tree, text);
    const brokenOff =
      errors > 0 &&
      text.length <= REPAIR_MAX_CHARS &&
      spans.some((error) => onLastLine(error, lastLine));
    // A text whose brackets all close is whole: its errors, even on its last line (the brace
    // after a body error recovery ended early), are the grammar's, and it outlines as it is.
    const closers = brokenOff ? missingClosers(tree) : '';
    const repaired = closers
      ? closeCutOff(parse, text, { closers, errors: spans, lastLine })
      : undefined;
    if (!repaired)
      return {
        outline: collectOutline(tree, spec, text),
        errors,
        source: text,
        cut: text.length,
        closers: '',
        sourceErrors: errors,
        names: declaredNames(tree.rootNode, spec),
      };
    try {
      const { cut, closers } = repaired;
      return {
        outline: collectOutline(
          repaired.tree,
          spec,
          text.slice(0, repaired.cut) + repaired.closers,
        ),
        errors,
        source: text.slice(0, cut) + closers,
        cut,
        closers,
        sourceErrors: repaired.errors,
        names: declaredNames(repaired.tree.rootNode, spec),
      };
    } finally {
      repaired.tree.delete();
    }
  } finally {
    tree.delete();
  }
}

/** The compressed head, without the closers, joined back to the untouched tail. */
export function rejoin(parsed: ParsedOutline, text: string, pieces: readonly Piece[]): Piece[] {
  if (!parsed.closers) return [...pieces];
  const last = pieces.at(-1) as Piece;
  return [
    ...pieces.slice(0, -1),
    { ...last, text: last.text.slice(0, last.text.length - parsed.closers.length) },
    { text: text.slice(parsed.cut), from: parsed.cut, copied: true },
  ];
}

interface Repair {
  tree: Tree;
  cut: number;
  closers: string;
  errors: number;
}

/**
 * A parse that goes wrong on its last line, as a partial read's does where it breaks off, and the
 * brackets the text leaves open.
 */
interface BrokenOff {
  closers: string;
  errors: readonly ErrorSpan[];
  lastLine: number;
}

/**
 * The cut (fewest lines dropped) whose closed head leaves the fewest errors, if fewer than the text
 * has. The lines a cut drops are kept as they are, so their errors still count against it, all but
 * those on the last line, where the read broke off: dropping a construct the grammar doesn't know
 * repairs nothing.
 */
function closeCutOff(
  parse: ParseSource,
  text: string,
  { closers: open, errors, lastLine }: BrokenOff,
): Repair | undefined {
  let best: Repair | undefined;
  let bestLeft = errors.length;
  for (const drop of BACKOFF) {
    const cut = drop === 0 ? text.length : lineStart(text, drop);
    if (cut <= 0) break;
    const head = text.slice(0, cut);
    const closers = drop === 0 ? open : headClosers(parse, head);
    const closed = closers ? parse(head + closers) : null;
    if (!closed) continue;
    const closedErrors = countSyntaxErrors(closed);
    const left =
      closedErrors +
      errors.filter((error) => error.start >= cut && !onLastLine(error, lastLine)).length;
    if (left < bestLeft) {
      best?.tree.delete();
      best = { tree: closed, cut, closers, errors: closedErrors };
      bestLeft = left;
    } else closed.delete();
    // Dropping more lines only adds dropped errors to a head that is already clean.
    if (closedErrors === 0) break;
  }
  return best;
}

/** The brackets a head of the text leaves open. */
function headClosers(parse: ParseSource, head: string): string {
  const tree = parse(head);
  if (!tree) return '';
  try {
    return missingClosers(tree);
  } finally {
    tree.delete();
  }
}

/**
 * Where the line holding the parse's last token starts (blank lines and masked macros hold none).
 * A cut-off read goes wrong there; a complete file with a construct the grammar doesn't know goes
 * wrong at the construct, and its last line reads well.
 */
function lastLineStart(tree: Tree, text: string): number {
  let last: Node = tree.rootNode;
  for (let child = last.lastChild; child; child = child.lastChild) last = child;
  return text.lastIndexOf('\n', last.startIndex - 1) + 1;
}

/** Whether an error reaches into the last line (or is missing there). */
function onLastLine(error: ErrorSpan, lastLine: number): boolean {
  return error.end > lastLine || error.start >= lastLine;
}

/** Where the `count`-th line from the end starts (0 when the text has fewer lines). */
function lineStart(text: string, count: number): number {
  let at = text.endsWith('\n') ? text.length - 1 : text.length;
  for (let i = 0; i < count && at > 0; i++) at = text.lastIndexOf('\n', at - 1);
  return Math.max(0, at + 1);
}
