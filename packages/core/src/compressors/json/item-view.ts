import type { JsonNode } from './json-node.js';
import { maskVariables } from '../log/mask-variables.js';
import { toJson } from './serialize-json.js';

/** How one array item looks to the analysis: flattened leaves and its JSON. */
export interface ItemView {
  node: JsonNode;
  /** Compact JSON of the item (also what identical-item dedupe compares). */
  json: string;
  /** Leaves by dotted path (`user.login`); a scalar item is the single leaf `''`. */
  fields: ReadonlyMap<string, JsonNode>;
}

/** Nested objects are flattened this deep; deeper values and arrays are leaves. */
const FLATTEN_DEPTH = 3;
/** Leaves tracked per item, so one enormous object cannot slow the whole array down. */
export const MAX_FIELDS = 200;
/** Characters of each leaf that go into its template. */
const TEMPLATE_CHARS = 500;
/** Codes whose digits are the message: 404 and 500 are different events. */
const CODE_FIELD = /(?:^|[._-])(?:status|status_?code|http_?status|code|level|severity)$/i;

/** Builds the view of one item. */
export function itemView(node: JsonNode): ItemView {
  const fields = new Map<string, JsonNode>();
  if (node.t === 'object') flatten(node, '', 0, fields);
  else fields.set('', node);
  return { node, json: toJson(node), fields };
}

/**
 * Every string and number in the item, space-joined: what query matching sees. Built on demand,
 * since only a query needs it and most calls have none.
 */
export function itemText(view: ItemView): string {
  const parts: string[] = [];
  collectText(view.node, parts);
  return parts.join(' ');
}

function flatten(
  node: Extract<JsonNode, { t: 'object' }>,
  prefix: string,
  depth: number,
  out: Map<string, JsonNode>,
): void {
  for (const [key, value] of node.entries) {
    if (out.size >= MAX_FIELDS && !out.has(prefix + key)) return;
    const path = prefix + key;
    if (value.t === 'object' && value.entries.length > 0 && depth + 1 < FLATTEN_DEPTH)
      flatten(value, `${path}.`, depth + 1, out);
    else out.set(path, value);
  }
}

function collectText(node: JsonNode, out: string[]): void {
  switch (node.t) {
    case 'string':
      out.push(node.v);
      return;
    case 'number':
      out.push(node.raw);
      return;
    case 'raw':
      out.push(node.text);
      return;
    case 'array':
      for (const item of node.items) collectText(item, out);
      return;
    case 'object':
      for (const [, value] of node.entries) collectText(value, out);
      return;
    default:
      return;
  }
}

/** Text of a leaf as a value (strings unquoted), for templates and anchors. */
export function leafText(node: JsonNode): string {
  switch (node.t) {
    case 'string':
      return node.v;
    case 'number':
      return node.raw;
    default:
      return toJson(node);
  }
}

/**
 * The items' templates: their leaves with variable parts masked, leaving out fields that identify
 * the item (ids, timestamps) — items that say the same thing share a template.
 */
export function itemTemplates(views: readonly ItemView[], skip: ReadonlySet<string>): string[] {
  // Items share their fields' names: each is tested once.
  const codeFields = new Map<string, boolean>();
  return views.map((view) => {
    const parts: string[] = [];
    for (const [path, leaf] of view.fields) {
      if (skip.has(path)) continue;
      let code = codeFields.get(path);
      if (code === undefined) codeFields.set(path, (code = isCodeField(path)));
      parts.push(templatePart(path, leaf, code));
    }
    return parts.join(TEMPLATE_SEPARATOR);
  });
}

/** Joins the parts of one item's template. */
export const TEMPLATE_SEPARATOR = '\u0001';

/** Whether a field's digits are its message (a status or level code), so they stay unmasked. */
export function isCodeField(path: string): boolean {
  return CODE_FIELD.test(path);
}

/** One leaf's part of its item's template: `path=text`, the text as {@link templateText} gives it. */
export function templatePart(path: string, leaf: JsonNode, code: boolean): string {
  return `${path}=${templateText(leafText(leaf), code)}`;
}

/** A leaf's text (its {@link leafText}) in its item's template: its start, masked unless `code`. */
export function templateText(text: string, code: boolean): string {
  const start = text.slice(0, TEMPLATE_CHARS);
  return code ? start : maskVariables(start);
}
