import { resolveTuning } from '../../options/resolve-tuning.js';
import type { Compressor, CompressorOutput, CompressorSpec, UnitSplitter } from '../../types.js';
import { DEFAULT_CRUSH_OPTIONS, type CrushOptions } from './crush-options.js';
import type { CrushState } from './crush-state.js';
import type { JsonNode } from './json-node.js';
import { compressLongStrings, longStrings } from './long-strings.js';
import { parseJson } from './parse-json.js';
import { toJson } from './serialize-json.js';
import { crushDocument } from './walk.js';

/** Options of {@link createSmartCrusher} and {@link createJsonCompressor}: SmartCrusher's tuning, and where long strings go. */
export interface JsonCompressorOptions extends Partial<CrushOptions> {
  /**
   * Compresses long string values (`longStringChars` and up) as the text they hold: a log in a
   * `stdout` field, a diff, a page. The pipeline passes one that routes the string to the compressor
   * of its kind. Without one, long strings are kept whole (unless opaque or JSON).
   */
  strings?: Compressor;
}

/**
 * SmartCrusher as a compressor: parses the text (anything that is not a JSON object or array
 * passes through unchanged), crushes it and re-emits compact JSON. The strategy names what was
 * done: `smart_crush:crush+opaque+table`, or `smart_crush:minify` when only whitespace went.
 */
export function createSmartCrusher(options: JsonCompressorOptions = {}): Compressor {
  const { strings, ...tuning } = options;
  const resolved = resolveTuning('json', DEFAULT_CRUSH_OPTIONS, tuning);
  const crush = (text: string, root: JsonNode, state: CrushState): CompressorOutput => {
    const out = crushDocument(root, 0, state);
    if (out === text || (state.actions.size === 0 && out.length >= text.length)) return { text };
    const actions = [...state.actions].sort();
    return { text: out, strategy: `smart_crush:${actions.length ? actions.join('+') : 'minify'}` };
  };
  return (text, ctx) => {
    const root = parseJson(text);
    if (!root || (root.t !== 'object' && root.t !== 'array')) return { text };
    const state: CrushState = { ctx, options: resolved, actions: new Set() };
    const long = strings ? longStrings(root, resolved.longStringChars) : [];
    if (!strings || long.length === 0) return crush(text, root, state);
    return compressLongStrings(long, strings, ctx).then((compressed) =>
      crush(text, root, { ...state, strings: compressed }),
    );
  };
}

/** Stored arrays split into one compact-JSON item per unit, so a query retrieves just the items it matches. */
export const jsonUnits: UnitSplitter = (original) => {
  const root = parseJson(original);
  if (root?.t === 'array') return root.items.map(toJson);
  if (root?.t === 'object')
    return root.entries.map(([key, value]) => `{${JSON.stringify(key)}:${toJson(value)}}`);
  return original.split('\n').filter((line) => line.trim() !== '');
};

/** The JSON compressor (SmartCrusher) with its retrieval unit splitter, in the shape every compressor folder exposes. */
export function createJsonCompressor(options: JsonCompressorOptions = {}): CompressorSpec {
  return { compress: createSmartCrusher(options), units: jsonUnits };
}

/** SmartCrusher with default options. */
export const smartCrusher: CompressorSpec = createJsonCompressor();
