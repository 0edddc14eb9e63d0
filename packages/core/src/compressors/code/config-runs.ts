import type { Node } from 'web-tree-sitter';
import type { Edit } from './edits.js';

/** Runs shorter than this many lines stay: the placeholder would save little. */
const MIN_LINES = 12;
/** Scopes nested deeper than this are not searched (guards the recursion against hostile input). */
const MAX_DEPTH = 16;

const CONDITIONALS = new Set([
  'preproc_if',
  'preproc_ifdef',
  'preproc_else',
  'preproc_elif',
  'preproc_elifdef',
]);
const DIRECTIVES = new Set([
  'preproc_def',
  'preproc_function_def',
  'preproc_call',
  'preproc_undef',
]);
/** Scopes whose members are declarations; a conditional holding more than configuration is one too. */
const SCOPES = new Set(['translation_unit', 'declaration_list', ...CONDITIONALS]);

/**
 * C/C++ configuration blocks: runs of `#if`/`#ifdef`/`#elif`/`#else`/`#endif` and `#define` lines
 * that hold nothing but more of the same (feature and compiler detection at the top of a header).
 * Each run of at least {@link MIN_LINES} lines becomes a comment naming its lines, followed by each
 * `#define NAME` it holds without its value, so every macro stays declared and a query for one
 * retrieves the original.
 * Includes, declarations and code break a run; a conditional holding them is searched inside.
 */
export function foldConfigRuns(root: Node, source: string): Edit[] {
  const edits: Edit[] = [];
  const visit = (scope: Node, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    let run: Node[] = [];
    const flush = () => {
      const edit = foldRun(run, source);
      if (edit) edits.push(edit);
      run = [];
    };
    for (const child of scope.namedChildren) {
      if (!child || isCondition(scope, child)) continue;
      if (child.type === 'comment') {
        if (run.length > 0) run.push(child);
        continue;
      }
      if (isConfig(child, 0)) {
        run.push(child);
        continue;
      }
      flush();
      if (SCOPES.has(child.type)) visit(child, depth + 1);
      const body = child.type === 'namespace_definition' ? child.childForFieldName('body') : null;
      if (body) visit(body, depth + 1);
    }
    flush();
  };
  visit(root, 0);
  return edits;
}

/** A conditional's condition or tested name, which is not one of its members. */
function isCondition(scope: Node, child: Node): boolean {
  if (!CONDITIONALS.has(scope.type)) return false;
  const tested = scope.childForFieldName('condition') ?? scope.childForFieldName('name');
  return tested?.id === child.id;
}

/** Whether a node is a directive, or a conditional holding only directives, comments and conditionals like it. */
function isConfig(node: Node, depth: number): boolean {
  if (DIRECTIVES.has(node.type)) return true;
  if (!CONDITIONALS.has(node.type) || depth > MAX_DEPTH) return false;
  return node.namedChildren.every(
    (child) =>
      !child || child.type === 'comment' || isCondition(node, child) || isConfig(child, depth + 1),
  );
}

function foldRun(run: Node[], source: string): Edit | undefined {
  while (run.at(-1)?.type === 'comment') run.pop();
  const first = run[0];
  const last = run.at(-1);
  if (!first || !last) return undefined;
  const startRow = first.startPosition.row;
  // A directive's node ends after its newline: the run's last line is the one before.
  const end = source.slice(first.startIndex, last.endIndex).trimEnd().length + first.startIndex;
  const endRow = startRow + (source.slice(first.startIndex, end).match(/\n/g)?.length ?? 0);
  if (endRow - startRow + 1 < MIN_LINES) return undefined;
  const heads = run.flatMap((node) => defines(node));
  if (heads.length === 0) return undefined;
  return {
    start: first.startIndex,
    end,
    text: [`// lines ${startRow + 1}-${endRow + 1}: conditions and values omitted`, ...heads].join(
      '\n',
    ),
  };
}

/**
 * Each `#define NAME` a directive or conditional holds, in order. Written flush (`#  define` nested
 * in the omitted conditions is indented for them): the list's indentation would say nothing.
 */
function defines(node: Node): string[] {
  if (node.type === 'preproc_def' || node.type === 'preproc_function_def') {
    const name = node.childForFieldName('name');
    return name ? [`#define ${name.text}`] : [];
  }
  return node.namedChildren.flatMap((child) => (child ? defines(child) : []));
}
