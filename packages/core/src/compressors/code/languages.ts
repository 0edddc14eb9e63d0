import type { CodeLanguage } from '../../types.js';
import { maskMacros } from './mask-macros.js';

/** What the code compressor needs to know about one tree-sitter grammar. */
export interface LanguageSpec {
  /** Function-like node types → the field holding the body that may be collapsed. */
  functions: ReadonlyMap<string, string>;
  /** Node types whose `body` field lists members (classes, impls, namespaces): split into units per member. */
  containers: ReadonlySet<string>;
  /** Nodes whose children are members of the enclosing scope (`#ifdef` blocks, a Java enum's declarations). */
  groups: ReadonlySet<string>;
  /** Node types that wrap one definition (`export …`, decorators, templates): the unit starts at the wrapper. */
  wrappers: ReadonlySet<string>;
  /** Nodes that belong to the definition after them (comments, attributes, decorators). */
  leading: ReadonlySet<string>;
  comments: ReadonlySet<string>;
  /** Data nodes (array literals, initializer lists, macro bodies) a deeper pass collapses when they span lines. */
  data: ReadonlySet<string>;
  /**
   * Function node types whose body-less form is valid syntax → what ends the signature in its
   * place (`;` in C++, Java, Rust and TypeScript; nothing in Go). A collapsed body of the others
   * (lambdas, closures, JavaScript) becomes a placeholder.
   */
  bodyless: ReadonlyMap<string, string>;
  /** How a line comment starts, for the marker line. */
  lineComment: '#' | '//';
  /** Python keeps bodies as indented blocks and documents with docstrings. */
  indentedBodies: boolean;
  /** Rewrites the text the parser sees, offsets unchanged (C and C++: macros masked). */
  mask?: (text: string) => string;
  /**
   * C/C++: the deepest pass writes declaration headers on one line without qualifier macros, folds
   * long template argument lists and keeps enumerators as names.
   */
  skeleton?: boolean;
}

const set = (...types: string[]): ReadonlySet<string> => new Set(types);
const bodies = (...types: string[]): ReadonlyMap<string, string> =>
  new Map(types.map((t) => [t, 'body']));

const jsFunctions = [
  'function_declaration',
  'function_expression',
  'function',
  'generator_function_declaration',
  'generator_function',
  'arrow_function',
  'method_definition',
];

const javascript: LanguageSpec = {
  functions: bodies(...jsFunctions),
  containers: set('class_declaration', 'class'),
  groups: set(),
  wrappers: set('export_statement'),
  leading: set('comment', 'decorator'),
  comments: set('comment'),
  data: set('array', 'object'),
  bodyless: new Map(),
  lineComment: '//',
  indentedBodies: false,
};

const typescript: LanguageSpec = {
  ...javascript,
  containers: set(
    'class_declaration',
    'class',
    'abstract_class_declaration',
    'internal_module',
    'module',
  ),
  wrappers: set('export_statement', 'ambient_declaration'),
  bodyless: new Map([
    ['function_declaration', ';'],
    ['method_definition', ';'],
  ]),
};

/** One entry per grammar the compressor loads. */
export const languageSpecs: Readonly<Record<CodeLanguage, LanguageSpec>> = {
  python: {
    functions: bodies('function_definition'),
    containers: set('class_definition'),
    groups: set(),
    wrappers: set('decorated_definition'),
    leading: set('comment'),
    comments: set('comment'),
    data: set(),
    bodyless: new Map(),
    lineComment: '#',
    indentedBodies: true,
  },
  javascript,
  typescript,
  tsx: typescript,
  go: {
    functions: bodies('function_declaration', 'method_declaration', 'func_literal'),
    containers: set(),
    groups: set(),
    wrappers: set(),
    leading: set('comment'),
    comments: set('comment'),
    data: set('literal_value'),
    bodyless: new Map([
      ['function_declaration', ''],
      ['method_declaration', ''],
    ]),
    lineComment: '//',
    indentedBodies: false,
  },
  rust: {
    functions: new Map([...bodies('function_item', 'closure_expression'), ['macro_rule', 'right']]),
    containers: set('impl_item', 'trait_item', 'mod_item'),
    groups: set(),
    wrappers: set(),
    leading: set('line_comment', 'block_comment', 'attribute_item', 'inner_attribute_item'),
    comments: set('line_comment', 'block_comment'),
    data: set('array_expression', 'macro_definition'),
    bodyless: new Map([['function_item', ';']]),
    lineComment: '//',
    indentedBodies: false,
  },
  java: {
    functions: bodies(
      'method_declaration',
      'constructor_declaration',
      'compact_constructor_declaration',
      'lambda_expression',
    ),
    containers: set(
      'class_declaration',
      'interface_declaration',
      'enum_declaration',
      'record_declaration',
      'annotation_type_declaration',
    ),
    groups: set('enum_body_declarations'),
    wrappers: set(),
    leading: set('line_comment', 'block_comment'),
    comments: set('line_comment', 'block_comment'),
    data: set('array_initializer'),
    bodyless: new Map([['method_declaration', ';']]),
    lineComment: '//',
    indentedBodies: false,
  },
  cpp: {
    functions: bodies('function_definition', 'lambda_expression'),
    containers: set(
      'class_specifier',
      'struct_specifier',
      'union_specifier',
      'namespace_definition',
      'linkage_specification',
    ),
    groups: set('preproc_if', 'preproc_ifdef', 'preproc_else', 'preproc_elif', 'preproc_elifdef'),
    wrappers: set('template_declaration'),
    leading: set('comment'),
    comments: set('comment'),
    data: set('initializer_list', 'preproc_arg'),
    bodyless: new Map([['function_definition', ';']]),
    lineComment: '//',
    indentedBodies: false,
    mask: maskMacros,
    skeleton: true,
  },
};
