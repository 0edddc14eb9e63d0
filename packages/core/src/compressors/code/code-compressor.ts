import { formatMarker } from '../../ccr/marker.js';
import { fileKind } from '../../router/file-kind.js';
import type { CodeLanguage, CompressorContext, CompressorOutput } from '../../types.js';
import type { CompressorSpec } from '../../types.js';
import { codeUnits } from './code-units.js';
import { collapseBody, collapseData, isShort, type ShortBody } from './collapse-body.js';
import { docstringFirstLine } from './docstring.js';
import { piecesOf, type Edit } from './edits.js';
import { sourceParser, type ParseSource } from './tree-sitter-parser.js';
import {
  createGrammars,
  type GrammarSources,
  type Grammars,
  type TreeSitterLoader,
} from './grammars.js';
import { languageSpecs, type LanguageSpec } from './languages.js';
import { parseNumbered, renumber, type NumberedCode } from './line-numbers.js';
import type { BodyCandidate, Span } from './outline.js';
import { parseOutline, rejoin, type ParsedOutline } from './parse-outline.js';
import { containsIdentifier, lastPart, queryAnchors } from './query-anchors.js';
import { relevantBodies } from './relevant-bodies.js';
import { countSyntaxErrors, syntaxErrorsIn } from './syntax-errors.js';
import { declaredNames } from './declared-names.js';
import { namesMissing } from './name-check.js';
import { dropComments, partitionComments, trimComments } from './trim-comments.js';
import { outputLengths } from './output-lengths.js';
import { shortestPass, type PassChoice } from './shortest-pass.js';

/** Options of {@link createCodeCompressor}. */
export interface CodeCompressorOptions {
  /** Where the tree-sitter `.wasm` files come from. Default: the files core ships, in Node; required elsewhere. */
  grammars?: GrammarSources;
  /** The web-tree-sitter module, outside Node: `() => import('web-tree-sitter')`. */
  treeSitter?: TreeSitterLoader;
  /** Bodies with at most this many lines stay whole. Default 3. */
  shortBodyLines?: number;
  /** …and at most this many characters (a minified one-liner is not short). Default 400. */
  shortBodyChars?: number;
  /**
   * A pass that saves less than this share of the characters is followed by a deeper one (bodies
   * over one line with multi-line data tables folded, then every body and only doc comments), up
   * to the deepest; the shortest output wins. Default 0.85.
   */
  deeperBelow?: number;
}

/**
 * The code compressor: keeps imports, declarations, signatures, decorators and the first line of
 * doc comments in their original order, and collapses function bodies to one-line placeholders
 * with their original line numbers — except short bodies and those the query is about. The
 * original is stored for retrieval; a query naming a function retrieves that function's source.
 */
export function createCodeCompressor(options: CodeCompressorOptions = {}): CompressorSpec {
  const grammars = createGrammars(options.grammars, options.treeSitter);
  const settings = {
    shortBodyLines: options.shortBodyLines ?? 3,
    shortBodyChars: options.shortBodyChars ?? 400,
    deeperBelow: options.deeperBelow ?? 0.85,
  };
  return {
    compress: (text, ctx) => compressCode(text, ctx, grammars, settings),
    units: codeUnits(grammars),
  };
}

/** How deep one pass collapses: the first keeps short bodies; deeper passes keep fewer and fold data. */
interface Depth {
  short: ShortBody;
  data: boolean;
  /** Keep only doc comments (`/**`, `///`, docstrings) and tool directives; drop the rest. */
  docOnly: boolean;
  /** Apply the outline's skeleton edits (C/C++ headers on one line, long template arguments, enum values) and drop every comment. */
  skeleton: boolean;
}

/** A body this short (`{ return x_; }`) costs less than its placeholder and always stays. */
const PLACEHOLDER_CHARS = 32;

async function compressCode(
  text: string,
  ctx: CompressorContext,
  grammars: Grammars,
  options: Required<
    Pick<CodeCompressorOptions, 'shortBodyLines' | 'shortBodyChars' | 'deeperBelow'>
  >,
): Promise<CompressorOutput> {
  const language = ctx.language ?? (ctx.fileName ? fileKind(ctx.fileName)?.language : undefined);
  if (!language || text.trim() === '') return { text };
  const spec = languageSpecs[language];
  const parser = sourceParser(await grammars.parser(language), spec);
  // A file-read tool's `cat -n` view is compressed as code and numbered again with the original numbers.
  const numbered = parseNumbered(text);
  const code = numbered?.code ?? text;
  const parsed = parseOutline(parser, code, spec);
  if (!parsed) return { text };

  const relevant = relevantBodies(parsed.source, parsed.outline.bodies, queryAnchors(ctx.query));
  // A first pass that keeps most of the file (a header of small inline functions, one big macro)
  // is retried deeper: every body over one line with data tables folded, then every body and
  // only doc comments.
  const depths: Depth[] = [
    {
      short: { maxLines: options.shortBodyLines, maxChars: options.shortBodyChars },
      data: false,
      docOnly: false,
      skeleton: false,
    },
    { short: { maxLines: 1, maxChars: 120 }, data: true, docOnly: false, skeleton: false },
    { short: { maxLines: 0, maxChars: 0 }, data: true, docOnly: true, skeleton: false },
  ];
  // C/C++ only: then headers on one line, implied template headers and every comment dropped.
  if (spec.skeleton)
    depths.push({ short: { maxLines: 0, maxChars: 0 }, data: true, docOnly: true, skeleton: true });
  const marker = markerLine(text, ctx, language, spec, numbered);
  const passes = depths.map((depth) =>
    planPass(text, { language, spec, parser, parsed, relevant, depth, numbered, marker }),
  );
  return shortestPass(passes, { text }, text.length * (1 - options.deeperBelow));
}

interface Pass {
  language: CodeLanguage;
  spec: LanguageSpec;
  parser: ParseSource;
  parsed: ParsedOutline;
  relevant: ReadonlySet<number>;
  depth: Depth;
  numbered: NumberedCode | undefined;
  /** The marker line, with the note that bodies were cut to declarations or without. */
  marker: (omitted: boolean) => string;
}

/** What a pass collapses: bodies not asked about, not broken off by a cut, and not short at its depth. */
function collapsible({ parsed, relevant, depth }: Pass): BodyCandidate[] {
  return parsed.outline.bodies.filter(
    (body, index) =>
      !relevant.has(index) &&
      // A body reaching past the cut is the one a partial read broke off: it stays as it is.
      body.end <= parsed.cut &&
      // A body-less form costs nothing; a placeholder more than the shortest bodies.
      body.end - body.start >
        (body.declaration ? body.declaration.text.length : PLACEHOLDER_CHARS) &&
      !isShort(parsed.source, body, depth.short),
  );
}

/**
 * A pass with a floor under its output's length, from its first rendering: what it renders as if
 * any subset of its definitions were cut to declarations. Numbered and cut-off files render
 * otherwise (numbers again, the tail rejoined after a parse): no floor, so every pass of those runs.
 */
function planPass(text: string, pass: Pass): PassChoice<CompressorOutput> {
  const collapsed = collapsible(pass);
  const frame = passFrame(pass);
  if (pass.numbered || pass.parsed.closers)
    return { floor: 0, run: () => compressPass(text, pass, frame, collapsed) };
  const declared = collapsed.filter((body) => body.declaration);
  const first = render(text, pass, frame, collapsed, new Set(declared));
  if (!first) return { floor: 0, run: () => undefined };
  const { source } = pass.parsed;
  const indented = pass.spec.indentedBodies;
  const lengths = outputLengths(
    source.length,
    passEdits(
      pass,
      frame,
      collapsed.filter((body) => !body.declaration),
      new Set(),
    ),
    declared.map((body) => ({
      placeholder: collapseBody(source, body, indented, false),
      declaration: collapseBody(source, body, indented, true),
    })),
    (omitted) => pass.marker(omitted).length + 1,
  );
  // The sum must give the length the first rendering has, or it is not to be trusted.
  const floor = lengths?.all === first.plain.length ? lengths.least : 0;
  return { floor, run: () => compressPass(text, pass, frame, collapsed, first) };
}

/**
 * One compression of the file at one depth; `undefined` when it changes nothing or would not parse.
 * A definition cut to its declaration can read differently (`T f(U (*x)(A));` parses as a variable
 * with an initializer): when a name goes missing, the definitions so named, then all, keep a
 * placeholder instead.
 */
function compressPass(
  text: string,
  pass: Pass,
  frame: Frame,
  collapsed: readonly BodyCandidate[],
  first?: Rendered,
): CompressorOutput | undefined {
  let declared = collapsed.filter((body) => body.declaration);
  let next = first ?? render(text, pass, frame, collapsed, new Set(declared));
  for (;;) {
    const output = next;
    if (!output) return undefined;
    const missing = readsBack(output.plain, pass);
    if (declared.length === 0)
      return missing?.every((name) => containsIdentifier(output.plain, lastPart(name)))
        ? output.result
        : undefined;
    if (missing?.length === 0) return output.result;
    const named = new Set(missing);
    const culprits = declared.filter((body) => body.name !== undefined && named.has(body.name));
    declared =
      culprits.length > 0 && culprits.length < declared.length
        ? declared.filter((body) => !culprits.includes(body))
        : [];
    next = render(text, pass, frame, collapsed, new Set(declared));
  }
}

/** A rendering of a pass: the code under its marker line, and the output when it is shorter than the input. */
interface Rendered {
  plain: string;
  result: CompressorOutput | undefined;
}

/** The pass's output with `collapsed` bodies, those in `declared` cut to their declarations. */
function render(
  text: string,
  pass: Pass,
  frame: Frame,
  collapsed: readonly BodyCandidate[],
  declared: ReadonlySet<BodyCandidate>,
): Rendered | undefined {
  const { language, parser, parsed, numbered } = pass;
  const code = numbered?.code ?? text;
  const edits = passEdits(pass, frame, collapsed, declared);
  if (edits.length === 0) return undefined;

  const pieces = piecesOf(parsed.source, edits);
  if (
    parsed.closers &&
    syntaxErrorsIn(parser, pieces.map((p) => p.text).join('')) > parsed.sourceErrors
  )
    return undefined;
  const compressed = rejoin(parsed, code, pieces);
  const marker = pass.marker(declared.size > 0);
  const plain = withMarkerLine(compressed.map((piece) => piece.text).join(''), marker);
  const output = numbered ? `${marker}\n${renumber(compressed, code, numbered)}` : plain;
  return {
    plain,
    result:
      output.length < text.length ? { text: output, strategy: `code:${language}` } : undefined,
  };
}

/** The edits of a pass: its bodies collapsed (those in `declared` to declarations) inside its frame. */
function passEdits(
  { spec, parsed }: Pass,
  frame: Frame,
  collapsed: readonly BodyCandidate[],
  declared: ReadonlySet<BodyCandidate>,
): Edit[] {
  const indented = spec.indentedBodies;
  return [
    ...frame.before,
    ...collapsed.map((body) => collapseBody(parsed.source, body, indented, declared.has(body))),
    ...frame.after,
  ];
}

/**
 * A pass's edits besides its bodies, the same whichever bodies are cut to declarations (worked
 * out once a pass, not once a rendering): data folded, before the bodies; comments, folds, the
 * skeleton's edits and docstrings after them.
 */
interface Frame {
  before: Edit[];
  after: Edit[];
}

function passFrame({ parsed, relevant, depth }: Pass): Frame {
  const { outline, source } = parsed;
  const folded = depth.data
    ? outline.data.filter(
        (data) => data.end <= parsed.cut && !overlapsAny(data, relevant, outline.bodies),
      )
    : [];
  const after: Edit[] = [
    ...(depth.skeleton
      ? dropComments(source, outline.comments)
      : comments(source, outline.comments, depth.docOnly)),
    ...outline.folds.filter((fold) => fold.end <= parsed.cut),
    ...(depth.skeleton ? outline.skeleton.filter((edit) => edit.end <= parsed.cut) : []),
  ];
  for (const doc of outline.docstrings) {
    const summary = docstringFirstLine(source.slice(doc.start, doc.end));
    if (summary !== undefined && doc.end <= parsed.cut)
      after.push({ start: doc.start, end: doc.end, text: summary });
  }
  return { before: folded.map((data) => collapseData(source, data)), after };
}

/**
 * The marker line of a file's outputs. The original is stashed when a first output is rendered,
 * once: the key and the line count are the same for every pass.
 */
function markerLine(
  text: string,
  ctx: CompressorContext,
  language: CodeLanguage,
  spec: LanguageSpec,
  numbered: NumberedCode | undefined,
): (omitted: boolean) => string {
  let stashed: { key: string; lines: number } | undefined;
  return (omitted) => {
    if (!stashed) {
      const lines = text.split('\n').length;
      stashed = { key: ctx.stash(text, { kind: 'code', language, count: lines }), lines };
    }
    const { key, lines } = stashed;
    // Short: every file carries one. Placeholders show what was collapsed and name their own lines;
    // a definition cut to its declaration (`int f(int x);`) shows nothing, so the note says so once.
    const note = `${lines} lines${numbered ? ', numbers are original lines' : ''}; ${omitted ? 'bodies omitted, ' : ''}query a name for its source`;
    return `${spec.lineComment} ${formatMarker(key, note)}`;
  };
}

/**
 * The names of the input the output's parse misses, or `undefined` when the output parses worse
 * than the input did. Error recovery can read a declaration differently once the code around it
 * changed: a name the parse misses still counts when it is in the text (a collapsed namespace or
 * class is not), unless a definition cut to its declaration may be what hides it.
 */
function readsBack(output: string, { parser, parsed, spec }: Pass): string[] | undefined {
  const tree = parser(output);
  if (!tree) return undefined;
  try {
    if (countSyntaxErrors(tree) > parsed.errors) return undefined;
    return namesMissing(parsed.names, declaredNames(tree.rootNode, spec));
  } finally {
    tree.delete();
  }
}

/** Comments cut to their first line; at the deepest pass only doc comments and tool directives stay. */
function comments(source: string, spans: readonly Span[], docOnly: boolean): Edit[] {
  if (!docOnly) return trimComments(source, spans);
  const { kept, plain } = partitionComments(source, spans);
  return [...trimComments(source, kept), ...dropComments(source, plain)];
}

/** Whether a data span holds a body the query is about (then it stays whole). */
function overlapsAny(
  data: { start: number; end: number },
  relevant: ReadonlySet<number>,
  bodies: readonly BodyCandidate[],
): boolean {
  for (const index of relevant) {
    const body = bodies[index] as BodyCandidate;
    if (body.start < data.end && data.start < body.end) return true;
  }
  return false;
}

/** The marker goes first, so the model knows at once that this is a view — after a `#!` line, which must stay first. */
function withMarkerLine(code: string, marker: string): string {
  if (!code.startsWith('#!')) return `${marker}\n${code}`;
  const newline = code.indexOf('\n');
  return newline === -1
    ? `${code}\n${marker}`
    : `${code.slice(0, newline + 1)}${marker}\n${code.slice(newline + 1)}`;
}

/** The code compressor with default grammars, as registered for the `code` kind. */
export const codeCompressor: CompressorSpec = createCodeCompressor();
