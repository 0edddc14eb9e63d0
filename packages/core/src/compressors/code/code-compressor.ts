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
  let best: CompressorOutput = { text };
  for (const depth of depths) {
    const output = compressPass(text, {
      ctx,
      language,
      spec,
      parser,
      parsed,
      relevant,
      depth,
      numbered,
    });
    if (output && output.text.length < best.text.length) best = output;
    if (best.text.length <= text.length * (1 - options.deeperBelow)) break;
  }
  return best;
}

interface Pass {
  ctx: CompressorContext;
  language: CodeLanguage;
  spec: LanguageSpec;
  parser: ParseSource;
  parsed: ParsedOutline;
  relevant: ReadonlySet<number>;
  depth: Depth;
  numbered: NumberedCode | undefined;
}

/**
 * One compression of the file at one depth; `undefined` when it changes nothing or would not parse.
 * A definition cut to its declaration can read differently (`T f(U (*x)(A));` parses as a variable
 * with an initializer): when a name goes missing, the definitions so named, then all, keep a
 * placeholder instead.
 */
function compressPass(text: string, pass: Pass): CompressorOutput | undefined {
  const { parsed, relevant, depth } = pass;
  const { outline, source } = parsed;
  // A body reaching past the cut is the one a partial read broke off: it stays as it is.
  const collapsed = outline.bodies.filter(
    (body, index) =>
      !relevant.has(index) &&
      body.end <= parsed.cut &&
      // A body-less form costs nothing; a placeholder more than the shortest bodies.
      body.end - body.start >
        (body.declaration ? body.declaration.text.length : PLACEHOLDER_CHARS) &&
      !isShort(source, body, depth.short),
  );
  let declared = collapsed.filter((body) => body.declaration);
  for (;;) {
    const output = render(text, pass, collapsed, new Set(declared));
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
  }
}

/** The pass's output with `collapsed` bodies, those in `declared` cut to their declarations. */
function render(
  text: string,
  pass: Pass,
  collapsed: readonly BodyCandidate[],
  declared: ReadonlySet<BodyCandidate>,
): { plain: string; result: CompressorOutput | undefined } | undefined {
  const { ctx, language, spec, parser, parsed, relevant, depth, numbered } = pass;
  const { outline, source } = parsed;
  const code = numbered?.code ?? text;
  const folded = depth.data
    ? outline.data.filter(
        (data) => data.end <= parsed.cut && !overlapsAny(data, relevant, outline.bodies),
      )
    : [];
  const edits: Edit[] = [
    ...folded.map((data) => collapseData(source, data)),
    ...collapsed.map((body) => collapseBody(source, body, spec.indentedBodies, declared.has(body))),
    ...(depth.skeleton
      ? dropComments(source, outline.comments)
      : comments(source, outline.comments, depth.docOnly)),
    ...outline.folds.filter((fold) => fold.end <= parsed.cut),
    ...(depth.skeleton ? outline.skeleton.filter((edit) => edit.end <= parsed.cut) : []),
  ];
  for (const doc of outline.docstrings) {
    const summary = docstringFirstLine(source.slice(doc.start, doc.end));
    if (summary !== undefined && doc.end <= parsed.cut)
      edits.push({ start: doc.start, end: doc.end, text: summary });
  }
  if (edits.length === 0) return undefined;

  const pieces = piecesOf(source, edits);
  if (
    parsed.closers &&
    syntaxErrorsIn(parser, pieces.map((p) => p.text).join('')) > parsed.sourceErrors
  )
    return undefined;
  const compressed = rejoin(parsed, code, pieces);
  const lines = text.split('\n').length;
  const key = ctx.stash(text, { kind: 'code', language, count: lines });
  // Short: every file carries one. Placeholders show what was collapsed and name their own lines;
  // a definition cut to its declaration (`int f(int x);`) shows nothing, so the note says so once.
  const omitted = declared.size > 0 ? 'bodies omitted, ' : '';
  const note = `${lines} lines${numbered ? ', numbers are original lines' : ''}; ${omitted}query a name for its source`;
  const marker = `${spec.lineComment} ${formatMarker(key, note)}`;
  const plain = withMarkerLine(compressed.map((piece) => piece.text).join(''), marker);
  const output = numbered ? `${marker}\n${renumber(compressed, code, numbered)}` : plain;
  return {
    plain,
    result:
      output.length < text.length ? { text: output, strategy: `code:${language}` } : undefined,
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
