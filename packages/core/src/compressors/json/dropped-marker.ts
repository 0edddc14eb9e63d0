import { truncate } from '../../util/truncate.js';
import { formatMarker } from '../../ccr/marker.js';
import { isErrorText } from './error-items.js';
import { itemView } from './item-view.js';
import type { JsonNode } from './json-node.js';
import { maskVariables } from '../log/mask-variables.js';
import type { Repeat } from './plan-keep.js';
import { toJson } from './serialize-json.js';

/** Repeated errors listed in a marker, and characters of each description. */
const MAX_LISTED = 3;
const DESCRIPTION_CHARS = 60;

/** The item's message: its text naming the failure, else its longest text, else its JSON. */
function describe(node: JsonNode): string {
  const texts: string[] = [];
  for (const leaf of itemView(node).fields.values())
    if (leaf.t === 'string' && /\s/.test(leaf.v.trim())) texts.push(leaf.v);
  const longest = texts.reduce<string | undefined>(
    (best, text) => (best === undefined || text.length > best.length ? text : best),
    undefined,
  );
  const text = texts.find(isErrorText) ?? longest ?? toJson(node);
  // `>` would end the marker early; `;` and newlines would blur its fields.
  const clean = maskVariables(text)
    .replace(/<[A-Z]+>/g, '#')
    .replace(/[<>;\s]+/g, ' ')
    .trim();
  return truncate(clean, DESCRIPTION_CHARS);
}

/**
 * The note of the one marker that replaces an array's dropped items: how many were omitted and,
 * for errors kept once on behalf of many, what they say and how often they occurred.
 */
export function droppedNote(
  dropped: number,
  repeats: readonly Repeat[],
  items: readonly JsonNode[],
): string {
  const note = `${dropped} items omitted`;
  if (repeats.length === 0) return note;
  const listed = repeats
    .slice(0, MAX_LISTED)
    .map((repeat) => `${describe(items[repeat.index]!)} ×${repeat.count}`)
    .join(', ');
  const more = repeats.length > MAX_LISTED ? ` and ${repeats.length - MAX_LISTED} more` : '';
  return `${note}; kept errors repeat: ${listed}${more}`;
}

/** The marker element: `{"_headroom":"<<ccr:…>>"}` among objects, the bare marker string otherwise. */
export function droppedMarker(key: string, note: string, objects: boolean): JsonNode {
  const marker: JsonNode = { t: 'string', v: formatMarker(key, note) };
  return objects ? { t: 'object', entries: [['_headroom', marker]] } : marker;
}
