import { formatMarker } from '../ccr/marker.js';
import type { CompressorsOption } from '../compressors/defaults.js';
import { CONTENT_KINDS, type CompressorSpec } from '../types.js';
import { parseJsonSafe } from '../util/parse-json-safe.js';

/**
 * A stand-in for the real compressors: keeps the first items or lines and stashes the original
 * behind a marker, so an integration's tests exercise the integration, not the heuristics.
 */
export const headCompressor: CompressorSpec = {
  compress(text, ctx) {
    const items = parseJsonSafe(text);
    if (Array.isArray(items) && items.length > 3) {
      const key = ctx.stash(text, { kind: 'json', count: items.length });
      return {
        text: JSON.stringify([
          ...items.slice(0, 2),
          { _headroom: formatMarker(key, `${items.length - 2} items omitted`) },
        ]),
        strategy: 'test:head',
      };
    }
    const lines = text.split('\n');
    if (lines.length <= 8) return { text };
    const key = ctx.stash(text, { kind: 'text', count: lines.length });
    return {
      text: [...lines.slice(0, 5), formatMarker(key, `${lines.length - 5} lines omitted`)].join(
        '\n',
      ),
      strategy: 'test:head',
    };
  },
};

/** The `compressors` option that puts {@link headCompressor} on every content kind. */
export function headCompressors(): CompressorsOption {
  return Object.fromEntries(CONTENT_KINDS.map((kind) => [kind, headCompressor]));
}
