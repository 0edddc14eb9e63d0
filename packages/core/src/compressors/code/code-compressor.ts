import { formatMarker } from '../../ccr/marker.js';
import { fileKind } from '../../router/file-kind.js';
import type { CompressorContext, CompressorOutput } from '../../types.js';
import type { CompressorSpec } from '../../types.js';
import { codeUnits } from './code-units.js';
import { collapseBody, isShort, type ShortBody } from './collapse-body.js';
import { docstringFirstLine } from './docstring.js';
import { piecesOf, type Edit } from './edits.js';
import { treeSitterParser } from './tree-sitter-parser.js';
import {
  createGrammars,
  type GrammarSources,
  type Grammars,
  type TreeSitterLoader,
} from './grammars.js';
import { languageSpecs } from './languages.js';
import { parseNumbered, renumber } from './line-numbers.js';
import { parseOutline, rejoin } from './parse-outline.js';
import { queryAnchors } from './query-anchors.js';
import { relevantBodies } from './relevant-bodies.js';
import { syntaxErrorsIn } from './syntax-errors.js';
import { trimComments } from './trim-comments.js';

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
}

/**
 * The code compressor: keeps imports, declarations, signatures, decorators and the first line of
 * doc comments in their original order, and collapses function bodies to one-line placeholders
 * with their original line numbers — except short bodies and those the query is about. The
 * original is stored for retrieval; a query naming a function retrieves that function's source.
 */
export function createCodeCompressor(options: CodeCompressorOptions = {}): CompressorSpec {
  const grammars = createGrammars(options.grammars, options.treeSitter);
  const short: ShortBody = {
    maxLines: options.shortBodyLines ?? 3,
    maxChars: options.shortBodyChars ?? 400,
  };
  return {
    compress: (text, ctx) => compressCode(text, ctx, grammars, short),
    units: codeUnits(grammars),
  };
}

async function compressCode(
  text: string,
  ctx: CompressorContext,
  grammars: Grammars,
  short: ShortBody,
): Promise<CompressorOutput> {
  const language = ctx.language ?? (ctx.fileName ? fileKind(ctx.fileName)?.language : undefined);
  if (!language || text.trim() === '') return { text };
  const spec = languageSpecs[language];
  const parser = treeSitterParser(await grammars.parser(language));
  // A file-read tool's `cat -n` view is compressed as code and numbered again with the original numbers.
  const numbered = parseNumbered(text);
  const code = numbered?.code ?? text;
  const parsed = parseOutline(parser, code, spec);
  if (!parsed) return { text };
  const { outline, source } = parsed;

  const relevant = relevantBodies(source, outline.bodies, queryAnchors(ctx.query));
  // A body reaching past the cut is the one a partial read broke off: it stays as it is.
  const collapsed = outline.bodies.filter(
    (body, index) =>
      !relevant.has(index) && body.end <= parsed.cut && !isShort(source, body, short),
  );
  const edits: Edit[] = [
    ...collapsed.map((body) => collapseBody(source, body, spec.indentedBodies)),
    ...trimComments(source, outline.comments),
  ];
  for (const doc of outline.docstrings) {
    const summary = docstringFirstLine(source.slice(doc.start, doc.end));
    if (summary !== undefined && doc.end <= parsed.cut)
      edits.push({ start: doc.start, end: doc.end, text: summary });
  }
  if (edits.length === 0) return { text };

  const pieces = piecesOf(source, edits);
  if (
    parsed.closers &&
    syntaxErrorsIn(parser, pieces.map((p) => p.text).join('')) > parsed.sourceErrors
  )
    return { text };
  const compressed = rejoin(parsed, code, pieces);
  const lines = text.split('\n').length;
  const key = ctx.stash(text, { kind: 'code', language, count: lines });
  const note = `${language} file of ${lines} lines, ${collapsed.length} ${collapsed.length === 1 ? 'body' : 'bodies'} collapsed (${numbered ? 'numbers are' : 'Lnn ='} original lines); query a name for its full source`;
  const marker = `${spec.lineComment} ${formatMarker(key, note)}`;
  const plain = withMarkerLine(compressed.map((piece) => piece.text).join(''), marker);
  if (syntaxErrorsIn(parser, plain) > parsed.errors) return { text };
  const output = numbered ? `${marker}\n${renumber(compressed, code, numbered)}` : plain;
  return output.length < text.length ? { text: output, strategy: `code:${language}` } : { text };
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
