import { detectContent } from '../router/detect-content.js';
import type {
  Compressor,
  CompressorSet,
  CompressorSpec,
  ContentKind,
  UnitSplitter,
} from '../types.js';
import { codeCompressor } from './code/code-compressor.js';
import { createDiffCompressor } from './diff/diff-compressor.js';
import { createHtmlCompressor } from './html/compress-html.js';
import { createJsonCompressor } from './json/smart-crusher.js';
import { createLogCompressor } from './log/log-compressor.js';
import { createSearchCompressor } from './search/search-compressor.js';
import { createTableCompressor } from './table/table-compressor.js';
import { createTextCompressor } from './text/text-compressor.js';

/**
 * The `compressors` option: a compressor per content kind to use instead of the default, or `false`
 * to pass that kind through. Kinds not named keep their default.
 */
export type CompressorsOption = Partial<Record<ContentKind, CompressorSpec | false>>;

const text = createTextCompressor();

/**
 * Compresses a long JSON string value with the compressor of the kind it holds (a log in `stdout`,
 * a diff, a page), as if it had been the whole tool result. Code is left alone: a file read wrapped
 * in JSON may be about to be edited, and the pipeline only knows the recency of whole results.
 */
function routeStrings(set: () => CompressorSet): Compressor {
  return (value, ctx) => {
    const detection = detectContent(value);
    if (detection.binary || detection.kind === 'code' || detection.kind === 'json')
      return { text: value };
    const spec = set()[detection.kind];
    return spec ? spec.compress(value, { ...ctx, language: detection.language }) : { text: value };
  };
}

const json = createJsonCompressor({ strings: routeStrings(() => defaultCompressors) });

/** The default compressor of every kind. Frozen: a pipeline takes its compressors as an option, never from a global. */
export const defaultCompressors: Readonly<CompressorSet> = Object.freeze({
  code: codeCompressor,
  diff: createDiffCompressor(),
  html: createHtmlCompressor({ text }),
  json,
  log: createLogCompressor(),
  search: createSearchCompressor({ json }),
  table: createTableCompressor(),
  text,
});

/**
 * The compressors a pipeline runs: the defaults with `given` laid over them. The default HTML
 * compressor compresses its extracted text with the `text` compressor in use, so a Kompress text
 * compressor serves HTML pages too; JSON routed to search that holds no hits goes to the `json`
 * compressor in use.
 */
export function resolveCompressors(given: CompressorsOption = {}): CompressorSet {
  const set: CompressorSet = { ...defaultCompressors };
  for (const [kind, spec] of Object.entries(given) as Array<
    [ContentKind, CompressorSpec | false | undefined]
  >) {
    if (spec === false) delete set[kind];
    else if (spec !== undefined) set[kind] = spec;
  }
  if (given.html === undefined && given.text !== undefined)
    set.html = createHtmlCompressor(given.text ? { text: given.text } : {});
  // Long JSON strings go to the compressors of this set, so a custom log or text compressor serves them too.
  if (given.json === undefined)
    set.json = createJsonCompressor({ strings: routeStrings(() => set) });
  if (given.search === undefined)
    set.search = createSearchCompressor(set.json ? { json: set.json } : {});
  return set;
}

/** Retrieval unit splitters by stored kind, taken from the compressors that stored them. */
export function unitSplittersOf(set: CompressorSet): Partial<Record<ContentKind, UnitSplitter>> {
  const out: Partial<Record<ContentKind, UnitSplitter>> = {};
  for (const [kind, spec] of Object.entries(set) as Array<[ContentKind, CompressorSpec]>)
    if (spec.units) out[kind] = spec.units;
  return out;
}
