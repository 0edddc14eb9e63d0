import type { Node } from 'web-tree-sitter';
import type { LanguageSpec } from './languages.js';
import { nameNode } from './outline.js';

/** Containers nested deeper than this are one unit each (guards the recursion against hostile input). */
const MAX_DEPTH = 16;

/** A range of the source. */
export interface Range {
  start: number;
  end: number;
}

/** A file cut for retrieval, as ranges of its source. */
export interface SplitFile {
  /** Each top-level definition, and inside classes, impls and namespaces each member; a container adds its header. */
  units: Range[];
  /** Every named definition at any of those levels, whole (a class with all its members). */
  definitions: Array<Range & { name: string }>;
}

/**
 * Splits a parsed file into retrieval units, each a definition with the comments, attributes and
 * decorators before it.
 */
export function splitUnits(root: Node, source: string, spec: LanguageSpec): SplitFile {
  const split: SplitFile = { units: [], definitions: [] };
  addMembers(root, source, spec, split, 0);
  split.units = split.units.filter((unit) => source.slice(unit.start, unit.end).trim() !== '');
  return split;
}

function addMembers(
  parent: Node,
  source: string,
  spec: LanguageSpec,
  split: SplitFile,
  depth: number,
): void {
  let pending: number | undefined;
  let end = parent.startIndex;
  for (const member of parent.namedChildren) {
    if (!member) continue;
    end = member.endIndex;
    if (spec.leading.has(member.type)) {
      pending ??= member.startIndex;
      continue;
    }
    const start = pending ?? member.startIndex;
    pending = undefined;
    const name = memberName(member, spec);
    if (name) split.definitions.push({ name, start, end: member.endIndex });
    const body = depth < MAX_DEPTH ? membersOf(member, spec) : undefined;
    if (!body) {
      split.units.push({ start, end: member.endIndex });
      continue;
    }
    const open = source[body.startIndex] === '{' ? body.startIndex + 1 : body.startIndex;
    split.units.push({
      start,
      end: start + source.slice(start, Math.max(start, open)).trimEnd().length,
    });
    addMembers(body, source, spec, split, depth + 1);
  }
  if (pending !== undefined) split.units.push({ start: pending, end });
}

/** The node listing a container's members (`class_body`, `declaration_list`…), looking through wrappers. */
function membersOf(node: Node, spec: LanguageSpec): Node | undefined {
  if (spec.groups.has(node.type)) return node;
  if (spec.containers.has(node.type)) return node.childForFieldName('body') ?? undefined;
  if (!spec.wrappers.has(node.type)) return undefined;
  for (const child of node.namedChildren) {
    const body = child ? membersOf(child, spec) : undefined;
    if (body) return body;
  }
  return undefined;
}

/** What a member defines: `def f`, `class A`, `export const f = …`, Go's `type T struct`. */
function memberName(member: Node, spec: LanguageSpec): string | undefined {
  let node = member;
  for (let depth = 0; spec.wrappers.has(node.type) && depth < 4; depth++) {
    const inner =
      node.childForFieldName('definition') ??
      node.childForFieldName('declaration') ??
      node.namedChildren.at(-1);
    if (!inner) break;
    node = inner;
  }
  const own = nameNode(node);
  if (own) return own.text;
  // One binding per declaration: `const f = () => …`, `type T struct {…}`.
  const named = node.namedChildren.filter((child) => child?.childForFieldName('name'));
  return named.length === 1 ? named[0]?.childForFieldName('name')?.text : undefined;
}
