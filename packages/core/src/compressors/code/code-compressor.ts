import { formatMarker } from '../../ccr/marker.js';
import type { UnitSplitter } from '../../ccr/retrieve.js';
import type { CodeLanguage, CompressorContext, CompressorOutput } from '../../types.js';
import type { CompressorSpec } from '../registry.js';
import { collapseBody, isShort, type ShortBody } from './collapse-body.js';
import { docstringFirstLine } from './docstring.js';
import { applyEdits, type Edit } from './edits.js';
import { createGrammars, type GrammarSources, type Grammars } from './grammars.js';
import { fileKind } from '../../router/file-kind.js';
import { languageSpecs } from './languages.js';
import { collectOutline, type Outline } from './outline.js';
import { namesDefinition, queryAnchors } from './query-anchors.js';
import { relevantBodies } from './relevant-bodies.js';
import { splitUnits, type SplitFile } from './split-units.js';
import { countSyntaxErrors } from './syntax-errors.js';
import { trimComments } from './trim-comments.js';

/** Options of {@link createCodeCompressor}. */
export interface CodeCompressorOptions {
  /** Where the tree-sitter `.wasm` files come from. Default: the installed package in Node; required elsewhere. */
  grammars?: GrammarSources;
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
  const grammars = createGrammars(options.grammars);
  const short: ShortBody = { maxLines: options.shortBodyLines ?? 3, maxChars: options.shortBodyChars ?? 400 };
  return {
    compress: (text, ctx) => compressCode(text, ctx, grammars, short),
    units: codeUnits(grammars),
  };
}

async function compressCode(text: string, ctx: CompressorContext, grammars: Grammars, short: ShortBody): Promise<CompressorOutput> {
  const language = ctx.language ?? (ctx.fileName ? fileKind(ctx.fileName)?.language : undefined);
  if (!language || text.trim() === '') return { text };
  const spec = languageSpecs[language];
  const parser = await grammars.parser(language);
  const tree = parser.parse(text);
  if (!tree) return { text };
  let outline: Outline;
  let errorsBefore: number;
  try {
    outline = collectOutline(tree, spec);
    errorsBefore = countSyntaxErrors(tree);
  } finally {
    tree.delete();
  }

  const relevant = relevantBodies(text, outline.bodies, queryAnchors(ctx.query));
  const collapsed = outline.bodies.filter((body, index) => !relevant.has(index) && !isShort(text, body, short));
  const edits: Edit[] = [...collapsed.map((body) => collapseBody(text, body, spec.indentedBodies)), ...trimComments(text, outline.comments)];
  for (const doc of outline.docstrings) {
    const summary = docstringFirstLine(text.slice(doc.start, doc.end));
    if (summary !== undefined) edits.push({ start: doc.start, end: doc.end, text: summary });
  }
  if (edits.length === 0) return { text };

  const lines = text.split('\n').length;
  const key = ctx.stash(text, { kind: 'code', language, count: lines });
  const note = `${language} file of ${lines} lines, ${collapsed.length} bodies collapsed (Lnn = original line); query a name for its full source`;
  const output = withMarkerLine(applyEdits(text, edits), `${spec.lineComment} ${formatMarker(key, note)}`);
  if (output.length >= text.length) return { text };

  const check = parser.parse(output);
  if (!check) return { text };
  try {
    if (countSyntaxErrors(check) > errorsBefore) return { text };
  } finally {
    check.delete();
  }
  return { text: output, strategy: `code:${language}` };
}

/** The marker goes first, so the model knows at once that this is a view — after a `#!` line, which must stay first. */
function withMarkerLine(code: string, marker: string): string {
  if (!code.startsWith('#!')) return `${marker}\n${code}`;
  const newline = code.indexOf('\n');
  return newline === -1 ? `${code}\n${marker}` : `${code.slice(0, newline + 1)}${marker}\n${code.slice(newline + 1)}`;
}

/**
 * Retrieval units of stored code: top-level and class-level definitions. A query that names
 * definitions gets exactly those, whole — BM25 alone would rank a long function below the short
 * places that call it. Code that can't be parsed falls back to blank-line paragraphs.
 */
function codeUnits(grammars: Grammars): UnitSplitter {
  return async (original, meta, query) => {
    const language: CodeLanguage | undefined = meta.language;
    const parser = language ? await grammars.parser(language).catch(() => undefined) : undefined;
    const tree = parser?.parse(original);
    if (!language || !tree) return paragraphs(original);
    let split: SplitFile;
    try {
      split = splitUnits(tree.rootNode, original, languageSpecs[language]);
    } finally {
      tree.delete();
    }
    const anchors = queryAnchors(query ?? '');
    const named = split.definitions.filter((definition) => namesDefinition(anchors, definition.name));
    // A named method inside a named class comes with the class.
    const outermost = named.filter((inner) => !named.some((outer) => outer !== inner && outer.start <= inner.start && inner.end <= outer.end));
    return outermost.length > 0 ? outermost.map((definition) => definition.text) : split.units;
  };
}

function paragraphs(text: string): string[] {
  return text.split(/\n[ \t]*\n/).filter((part) => part.trim() !== '');
}

/** The code compressor with default grammars, as registered for the `code` kind. */
export const codeCompressor: CompressorSpec = createCodeCompressor();
