import type { Node, Tree, TreeCursor } from 'web-tree-sitter';
import type { Edit } from './edits.js';
import { brokenBodyEnd } from './body-extent.js';
import { foldConfigRuns } from './config-runs.js';
import { foldConstraintMacros } from './constraint-macros.js';
import { foldExportList } from './export-lists.js';
import { dropComments } from './trim-comments.js';
import { isReadName } from './declared-names.js';
import type { LanguageSpec } from './languages.js';
import {
  declaresFunction,
  enumeratorNames,
  foldArguments,
  impliedTemplate,
  initializerCuts,
  inlineSpecifier,
  joinHeader,
  leadingReturn,
  macroValue,
  trimTemplateParameters,
} from './skeleton.js';

/** A range of the source with the rows it spans (0-based). */
export interface Span {
  start: number;
  end: number;
  startRow: number;
  endRow: number;
}

/** An outermost function body: the compressor keeps it or collapses it whole. */
export interface BodyCandidate extends Span {
  /** The name of the function (or of the variable/field/key it is assigned to), when it has one. */
  name?: string;
  /** Python: the docstring opening the body. */
  docstring?: Span;
  /**
   * Where the definition's body-less form starts and what ends it (`int f(int x) const;`): the
   * collapsed definition becomes a declaration, valid syntax with nothing to stand for.
   */
  declaration?: { start: number; text: string };
}

/** What the compressor may shorten in one file, in document order. */
export interface Outline {
  bodies: BodyCandidate[];
  /** Comments outside function bodies. */
  comments: Span[];
  /** Python module and class docstrings. */
  docstrings: Span[];
  /** Multi-line data outside function bodies (array tables, initializer lists, macro bodies): collapsed by a deeper pass. */
  data: Span[];
  /** Ready-made folds: JavaScript/TypeScript `export { … }` lists of local names, C/C++ configuration blocks. */
  folds: Edit[];
  /** What only the deepest pass shortens outside bodies: C/C++ headers on one line, long template arguments, enum values. */
  skeleton: Edit[];
}

/**
 * Walks the tree once, without descending into function bodies or ERROR nodes (which stay as
 * they are), and lists the bodies, comments and docstrings that compression may shorten.
 * `source` is the text as given (the tree's may have macros masked).
 */
export function collectOutline(tree: Tree, spec: LanguageSpec, source: string): Outline {
  const outline: Outline = {
    bodies: [],
    comments: [],
    docstrings: [],
    data: [],
    folds: [],
    skeleton: [],
  };
  const parsed = tree.rootNode.text;
  // The parsed text (masked for C/C++) has the source's offsets and its directive lines unchanged.
  if (spec.groups.has('preproc_if'))
    outline.folds.push(...foldConfigRuns(tree.rootNode, tree.rootNode.text));
  if (spec.indentedBodies) addDocstring(outline.docstrings, tree.rootNode);
  const texts: Texts = { size: tree.rootNode.endIndex, parsed, source, kept: { until: -1 } };
  const cursor = tree.walk();
  const parents: string[] = [];
  try {
    for (;;) {
      const type = cursor.nodeType;
      // What lies in a function kept whole is not visited; a node reaching past it is walked into.
      const walk =
        cursor.startIndex < texts.kept.until
          ? cursor.endIndex > texts.kept.until
          : visit(cursor, parents, spec, outline, texts);
      if (walk && cursor.gotoFirstChild()) {
        parents.push(type);
        continue;
      }
      while (!cursor.gotoNextSibling()) {
        if (!cursor.gotoParent()) return outline;
        parents.pop();
      }
    }
  } finally {
    cursor.delete();
  }
}

/**
 * The text the tree was parsed from (macros masked), the source as given, and its size; and where
 * the function last kept whole ends (its body broken off early by the parse).
 */
interface Texts {
  size: number;
  parsed: string;
  source: string;
  kept: { until: number };
}

/** Records what the node at the cursor offers; returns whether to walk into its children. */
function visit(
  cursor: TreeCursor,
  parents: readonly string[],
  spec: LanguageSpec,
  outline: Outline,
  { size, parsed, source, kept }: Texts,
): boolean {
  const type = cursor.nodeType;
  const parent = parents.at(-1);
  // Error recovery still builds whole definitions inside an ERROR node; the output check catches a bad edit.
  if (type === 'ERROR') return true;
  if (spec.skeleton && !parents.includes('ERROR')) {
    const node = cursor.currentNode;
    const cuts = [
      leadingReturn(node, parsed) ?? macroValue(node),
      inlineSpecifier(node),
      ...initializerCuts(node),
    ].filter((edit): edit is Edit => edit !== undefined);
    outline.skeleton.push(...cuts, ...joinHeader(node, parsed, source, cuts));
    const implied = type === 'template_declaration' ? impliedTemplate(node) : undefined;
    if (implied) outline.skeleton.push(implied);
    // A compile-time check declares nothing: the stored original has it.
    if (type === 'static_assert_declaration') {
      outline.skeleton.push(...dropComments(source, [span(node)]));
      return false;
    }
    const fold =
      type === 'template_argument_list'
        ? foldArguments(node, withinDeclaredName)
        : type === 'enumerator_list'
          ? enumeratorNames(node)
          : undefined;
    if (fold) {
      outline.skeleton.push(fold);
      return false;
    }
  }
  // C++ only: the other grammars call theirs `type_parameters`.
  if (type === 'template_parameter_list') {
    outline.folds.push(...foldConstraintMacros(cursor.currentNode));
    if (spec.skeleton) outline.skeleton.push(...trimTemplateParameters(cursor.currentNode));
  }
  if (type === 'export_statement') {
    const fold = foldExportList(cursor.currentNode);
    if (fold) outline.folds.push(fold);
  }
  if (spec.data.has(type)) {
    const node = cursor.currentNode;
    const data = dataSpan(node);
    // A literal holding functions (a route table, an object of methods) is code, not data.
    const holdsCode =
      type !== 'macro_definition' && node.descendantsOfType([...spec.functions.keys()]).length > 0;
    if (data && data.endRow > data.startRow && !holdsCode) outline.data.push(data);
    // Walked into too: the first pass collapses the function bodies inside (`macro_rules!` arms).
    return true;
  }
  if (spec.comments.has(type)) {
    // Only comments between members; one inside a signature or expression is part of what it explains.
    if (parent !== undefined && SCOPES.has(parent)) {
      outline.comments.push({
        start: cursor.startIndex,
        end: cursor.endIndex,
        startRow: cursor.startPosition.row,
        endRow: cursor.endPosition.row,
      });
    }
    return false;
  }
  const bodyField = spec.functions.get(type);
  if (bodyField) {
    const fn = cursor.currentNode;
    const body = fn.childForFieldName(bodyField);
    if (!body) return true;
    // Error recovery ended the body early: the function, up to where its braces close, stays as it is.
    const broken = brokenBodyEnd(body);
    if (broken !== undefined) {
      kept.until = broken;
      return false;
    }
    // An anonymous function holding most of the file is a module wrapper (IIFE, UMD): its insides are
    // the outline. Not one passed to a call whose result a declaration names (`const h = define(async () => {…})`).
    const name = definitionName(fn) ?? boundArgument(fn);
    if (name === undefined && body.endIndex - body.startIndex > size / 2) return true;
    const candidate: BodyCandidate = { ...span(body), name };
    const ending = spec.bodyless.get(type);
    // Error recovery finds a definition by its body: cut to a declaration, it may read differently.
    if (
      ending !== undefined &&
      BLOCKS.has(body.type) &&
      declarable(fn) &&
      !parents.includes('ERROR')
    )
      candidate.declaration = { start: signatureEnd(body), text: ending };
    if (spec.indentedBodies) {
      const doc = docstringOf(body);
      if (doc) candidate.docstring = span(doc);
    }
    outline.bodies.push(candidate);
    return false;
  }
  if (spec.indentedBodies && spec.containers.has(type)) {
    const body = cursor.currentNode.childForFieldName('body');
    if (body) addDocstring(outline.docstrings, body);
  }
  return true;
}

/**
 * The part of a data node a placeholder can stand for: a literal whole, a macro's replacement text
 * without its line end, a `macro_rules!` body from its opening bracket.
 */
function dataSpan(node: Node): Span | undefined {
  if (node.type !== 'macro_definition') {
    const text = node.text;
    const end = node.startIndex + text.trimEnd().length;
    return {
      ...span(node),
      end,
      endRow: node.startPosition.row + (text.trimEnd().match(/\n/g)?.length ?? 0),
    };
  }
  const open = node.children.find((child) => child && /^[{([]$/.test(child.type));
  const close = node.children.findLast((child) => child && /^[})\]]$/.test(child.type));
  if (!open || !close || close.startIndex <= open.startIndex) return undefined;
  return {
    start: open.startIndex,
    end: close.endIndex,
    startRow: open.startPosition.row,
    endRow: close.endPosition.row,
  };
}

function addDocstring(docstrings: Span[], block: Node): void {
  const doc = docstringOf(block);
  if (doc && doc.startPosition.row !== doc.endPosition.row) docstrings.push(span(doc));
}

/** The string that opens a Python module, class or function body, if any. */
function docstringOf(block: Node): Node | undefined {
  for (const child of block.namedChildren) {
    if (!child || child.type === 'comment') continue;
    if (child.type !== 'expression_statement' || child.namedChildCount !== 1) return undefined;
    const value = child.firstNamedChild;
    return value?.type === 'string' ? value : undefined;
  }
  return undefined;
}

/** Node types that list statements, members or fields, in any of the grammars. */
const SCOPES = new Set([
  'module',
  'program',
  'source_file',
  'translation_unit',
  'block',
  'statement_block',
  'class_body',
  'interface_body',
  'enum_body',
  'enum_body_declarations',
  'annotation_type_body',
  'declaration_list',
  'field_declaration_list',
  'enum_variant_list',
  'enumerator_list',
  'object_type',
  'object',
  'const_declaration',
  'var_declaration',
  'import_spec_list',
  'preproc_if',
  'preproc_ifdef',
  'preproc_else',
  'preproc_elif',
  // Error recovery leaves whole declarations, and the comments between them, under an ERROR node.
  'ERROR',
]);

const NAME_HOLDERS: Readonly<Record<string, string>> = {
  variable_declarator: 'name',
  pair: 'key',
  assignment_expression: 'left',
  public_field_definition: 'name',
  field_definition: 'property',
  init_declarator: 'declarator',
  macro_definition: 'name',
};

/** For a function passed to a call whose value a variable declaration names, that name. */
function boundArgument(fn: Node): string | undefined {
  if (fn.parent?.type !== 'arguments') return undefined;
  for (let node = fn.parent.parent, depth = 0; node && depth < 4; node = node.parent, depth++) {
    if (node.type === 'variable_declarator') {
      const name = node.childForFieldName('name');
      return name && name.endIndex - name.startIndex < 200 ? name.text : undefined;
    }
    if (node.type !== 'call_expression' && node.type !== 'await_expression') return undefined;
  }
  return undefined;
}

/** The function's own name, else the name it is bound to (`const f = () => …`, `key: function …`). */
export function definitionName(fn: Node): string | undefined {
  const own = nameNode(fn);
  if (own) return own.text;
  const parent = fn.parent;
  const field = parent ? NAME_HOLDERS[parent.type] : undefined;
  const holder = field ? parent?.childForFieldName(field) : undefined;
  return holder && holder.endIndex - holder.startIndex < 200 ? holder.text : undefined;
}

/** Bodies that are plain blocks (not a C++ function-try-block or `= default`). */
const BLOCKS = new Set(['compound_statement', 'block', 'statement_block']);

/**
 * Whether a definition may stand as its signature. C++: one without a return type only in its
 * class (a constructor); `A::A(int x)` outside it, or a macro that reads as a function
 * (`FMT_CATCH(...) {}`), is no declaration any parser reads. TypeScript: a named function, and a
 * method of a class (an object literal's method has no signature form).
 */
function declarable(fn: Node): boolean {
  if (fn.type === 'method_definition') return fn.parent?.type === 'class_body';
  if (fn.type === 'function_declaration' && !fn.childForFieldName('name')) return false;
  if (fn.type !== 'function_definition') return true;
  if (!declaresFunction(fn)) return false;
  if (fn.childForFieldName('type') !== null) return true;
  let scope = fn.parent;
  while (scope && (scope.type === 'template_declaration' || scope.type.startsWith('preproc_')))
    scope = scope.parent;
  return scope?.type === 'field_declaration_list';
}

/** Where a function's signature ends: before its body, or a constructor's member initializers, and the space before them. */
function signatureEnd(body: Node): number {
  const previous = body.previousSibling;
  const from = previous?.type === 'field_initializer_list' ? previous : body;
  const before = from.previousSibling;
  return before ? before.endIndex : from.startIndex;
}

/** The node naming a definition: its `name` field, or for C++ the name deep in its declarator (`int A::g(int) const` → `g`). */
export function nameNode(node: Node): Node | undefined {
  const name = node.childForFieldName('name');
  if (name) return name;
  const declaration = FUNCTION_DECLARATIONS.has(node.type);
  if (node.type !== 'function_definition' && !declaration) return undefined;
  let declarator = node.childForFieldName('declarator');
  // A declaration names something only through a function declarator: a body-less definition.
  let isFunction = !declaration;
  for (let depth = 0; declarator && depth < 8; depth++) {
    if (/identifier$|^operator_name$|^destructor_name$/.test(declarator.type))
      return isFunction ? declarator : undefined;
    if (declarator.type === 'function_declarator') isFunction = true;
    declarator = declarator.childForFieldName(
      declarator.type === 'qualified_identifier' ? 'name' : 'declarator',
    );
  }
  return undefined;
}

/** C++ nodes that declare a name at namespace or class level (what {@link nameNode} reads). */
const DECLARING = new Set([
  'class_specifier',
  'struct_specifier',
  'union_specifier',
  'enum_specifier',
  'function_definition',
  'declaration',
  'field_declaration',
  'alias_declaration',
  'type_definition',
]);

/** Whether a node lies inside a name something declares (`formatter<T, Char>` of a specialization), as the names check reads it. */
function withinDeclaredName(node: Node): boolean {
  for (let scope = node.parent; scope; scope = scope.parent) {
    const name = DECLARING.has(scope.type) ? nameNode(scope) : undefined;
    if (name && name.startIndex <= node.startIndex && node.endIndex <= name.endIndex)
      // A name no check reads (over lines: `formatter<\n  R, Char, enable_if_t<…>>`) keeps its own
      // argument list; the constraints nested in it fold like any type's.
      return isReadName(name.text.trim()) || node.parent?.id === name.id;
  }
  return false;
}

/** C/C++ declarations that may declare a function (`int f(int);` at namespace or class level). */
const FUNCTION_DECLARATIONS = new Set(['declaration', 'field_declaration']);

function span(node: Node): Span {
  return {
    start: node.startIndex,
    end: node.endIndex,
    startRow: node.startPosition.row,
    endRow: node.endPosition.row,
  };
}
