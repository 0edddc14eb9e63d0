import type { Node } from 'web-tree-sitter';
import { brokenBodyEnd } from './body-extent.js';
import { MACRO_CALL, macroCallEnd } from './constraint-macros.js';
import type { Edit } from './edits.js';

/** Template argument lists at most this long stay (`basic_string_view<Char>`): a placeholder would save little. */
const MIN_ARGUMENT_CHARS = 32;
/** Enums with fewer enumerators keep their values. */
const MIN_ENUMERATORS = 3;
const PLACEHOLDER = '/*…*/';

/**
 * Declarations whose signature the deepest pass writes on one line, with the qualifier macros in it
 * (`FMT_CONSTEXPR`, `FMT_API`) dropped.
 */
const SIGNATURES = new Set([
  'declaration',
  'field_declaration',
  'alias_declaration',
  'type_definition',
  'template_declaration',
  'function_definition',
  'class_specifier',
  'struct_specifier',
  'union_specifier',
  'enum_specifier',
]);

/** Where a definition's header ends: before its body, a template's declaration, a constructor's initializers. */
function headerEnd(node: Node): number {
  if (node.type === 'template_declaration') {
    const inner = node.namedChildren.at(-1);
    return inner && inner.type !== 'template_parameter_list' ? inner.startIndex : node.endIndex;
  }
  const body = node.childForFieldName('body');
  if (!body) return node.endIndex;
  const previous = body.previousSibling;
  return (previous?.type === 'field_initializer_list' ? previous : body).startIndex;
}

/**
 * The deepest pass's shortening of a C/C++ declaration's header, outside any body: it is written on
 * one line, and the macros masked out of the parse that qualify it (`FMT_CONSTEXPR FMT_INLINE auto
 * f(…)` → `auto f(…)`) are dropped. A header holding comments, strings, characters, directives or
 * braces stays as it is. `parsed` is the text the parser saw (macros blanked), `source` the original;
 * `cuts` are the node's own edits (an initializer or a trailing return type that goes), which
 * take the whitespace they start at with them.
 */
export function joinHeader(
  node: Node,
  parsed: string,
  source: string,
  cuts: readonly Edit[] = [],
): Edit[] {
  if (!SIGNATURES.has(node.type)) return [];
  const start = node.startIndex;
  const end = headerEnd(node);
  const header = parsed.slice(start, end);
  if (/\/\/|\/\*|["'#{]/.test(header)) return [];
  const edits: Edit[] = [];
  // A masked qualifier alone before the header on its line: the line keeps its indentation.
  const lineStart = parsed.lastIndexOf('\n', start - 1) + 1;
  const lead = source.slice(lineStart, start);
  const indent = /^[ \t]*/.exec(lead)?.[0].length ?? 0;
  if (/^[ \t]*$/.test(parsed.slice(lineStart, start)) && lead.trim() !== '')
    edits.push({ start: lineStart + indent, end: start, text: '' });
  // A template's header joins its declaration; a function's signature stops before its body.
  const last = node.type === 'template_declaration' ? end : end - 1;
  for (const gap of header.matchAll(/\s+/g)) {
    const from = start + gap.index;
    const to = from + gap[0].length;
    if (to > last) break;
    if (!gap[0].includes('\n') && source.slice(from, to) === gap[0]) continue;
    // Whitespace a cut starts at goes with it (`value = …` → `value`, `const -> T` → `const`).
    if (cuts.some((cut) => cut.start <= from && from < cut.end)) continue;
    const tight = /[([]/.test(parsed[from - 1] ?? '') || /[)\],;]/.test(parsed[to] ?? '');
    edits.push({ start: from, end: to, text: tight ? '' : ' ' });
  }
  return edits;
}

/**
 * A long template argument list in a type (`conditional_t<std::is_same<Char, char>::value, context, …>`)
 * becomes `conditional_t</*…*\/>`, which parses as the list did. `named` says whether the list is
 * part of a declared name (a specialization's `formatter<T, Char, enable_if_t<…>>`), which must stay.
 */
export function foldArguments(list: Node, named: (node: Node) => boolean): Edit | undefined {
  const inner = list.endIndex - list.startIndex - 2;
  if (inner <= MIN_ARGUMENT_CHARS || !list.text.endsWith('>') || named(list)) return undefined;
  return { start: list.startIndex + 1, end: list.endIndex - 1, text: PLACEHOLDER };
}

/**
 * An enum's enumerators as names only, on one line (`{ none, left, right }`): the values and
 * comments between them stay in the stored original. Not a list holding directives.
 */
export function enumeratorNames(list: Node): Edit | undefined {
  const names = list.namedChildren
    .filter((child) => child?.type === 'enumerator')
    .map((child) => child?.childForFieldName('name')?.text ?? '');
  if (names.length < MIN_ENUMERATORS || names.includes('')) return undefined;
  if (list.namedChildren.some((child) => child?.type.startsWith('preproc'))) return undefined;
  const text = `{ ${names.join(', ')} }`;
  return text.length < list.endIndex - list.startIndex
    ? { start: list.startIndex, end: list.endIndex, text }
    : undefined;
}

/**
 * Whether a definition's declarator is a function's (not a misparse: `namespace std _GLIBCXX_VISIBILITY(default) {`),
 * a conversion operator's (`operator bool() const`) included.
 */
export function declaresFunction(fn: Node): boolean {
  let declarator = fn.childForFieldName('declarator');
  for (let depth = 0; declarator && depth < 8; depth++) {
    if (declarator.type === 'function_declarator') return true;
    const inner = declarator.childForFieldName('declarator');
    if (declarator.type === 'operator_cast') return inner?.type === 'abstract_function_declarator';
    declarator = inner;
  }
  return false;
}

/**
 * A template parameter's name; `''` for one that names nothing (`typename...`, a constraint macro,
 * `int` alone); `undefined` for a kind not known here (a template template parameter).
 */
function parameterName(parameter: Node): string | undefined {
  switch (parameter.type) {
    case 'type_parameter_declaration':
    case 'variadic_type_parameter_declaration':
      return parameter.namedChildren.findLast((c) => c?.type === 'type_identifier')?.text ?? '';
    case 'optional_type_parameter_declaration':
      return parameter.childForFieldName('name')?.text;
    case 'parameter_declaration':
    case 'optional_parameter_declaration':
    case 'variadic_parameter_declaration': {
      if (MACRO_CALL.test(parameter.text)) return '';
      const outer = parameter.childForFieldName('declarator');
      // `size_t N`, `T... Ns`, `const T (&a)[N]`: the identifier the declarators end in.
      let declarator = outer;
      for (let depth = 0; declarator && declarator.type !== 'identifier' && depth < 8; depth++)
        declarator =
          declarator.childForFieldName('declarator') ??
          declarator.namedChildren.find((child) => child?.type === 'identifier') ??
          null;
      if (declarator?.type === 'identifier') return declarator.text;
      return outer ? undefined : '';
    }
    default:
      return undefined;
  }
}

/**
 * A function template's header when its signature implies it: every parameter it names appears in
 * the signature (`template <typename T> auto unwrap(const T& v) -> const T&` reads as well without
 * it), so the deepest pass drops it with its constraints. An explicit specialization (`template <>`),
 * a class or variable template, a deduction guide, a parameter only the body uses, or a declaration
 * error recovery shaped keeps its header.
 */
export function impliedTemplate(node: Node): Edit | undefined {
  const parameters = node.childForFieldName('parameters');
  const inner = node.namedChildren.at(-1);
  if (!parameters || !inner || parameters.namedChildCount === 0) return undefined;
  if (!FUNCTIONS.has(inner.type) || !declaresFunction(inner)) return undefined;
  if (shapedByRecovery(inner)) return undefined;
  // Without a return type, only a constructor in its class reads as one (not a deduction guide).
  if (!inner.childForFieldName('type') && node.parent?.type !== 'field_declaration_list')
    return undefined;
  const signature = inner.text.slice(0, headerEnd(inner) - inner.startIndex);
  for (const parameter of parameters.namedChildren) {
    const name = parameter ? parameterName(parameter) : undefined;
    if (name === undefined) return undefined;
    if (name !== '' && !new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(signature))
      return undefined;
  }
  return { start: node.startIndex, end: inner.startIndex, text: '' };
}

/**
 * Whether error recovery shaped what a template declares, so that the view shows more than a
 * signature implying the header: a function whose body it ended early (kept whole, its body using
 * the parameters), or a class it read as a function's return type (no function defines a type
 * there), as when a member's body ended early.
 */
function shapedByRecovery(declaration: Node): boolean {
  const body = declaration.childForFieldName('body');
  if (body && brokenBodyEnd(body) !== undefined) return true;
  return declaration.childForFieldName('type')?.childForFieldName('body') != null;
}

/**
 * A function's `inline` (`inline auto get_container(OutputIt it)`), which says how it links, not
 * what it does: the deepest pass drops it with any qualifier macro after it. Not a variable's or a
 * namespace's, whose meaning it changes.
 */
export function inlineSpecifier(node: Node): Edit | undefined {
  if (!FUNCTIONS.has(node.type) || !declaresFunction(node)) return undefined;
  const specifier = node.namedChildren.find(
    (child) => child?.type === 'storage_class_specifier' && child.text === 'inline',
  );
  const next = specifier?.nextSibling;
  return specifier && next
    ? { start: specifier.startIndex, end: next.startIndex, text: '' }
    : undefined;
}

/** What a function template declares: a definition, or a declaration of one. */
const FUNCTIONS = new Set(['function_definition', 'declaration', 'field_declaration']);

/** A trailing return type longer than this stays where it is (its own folds apply there). */
const MAX_RETURN_CHARS = 60;

/**
 * A function whose return type trails (`auto size() const -> size_t`) written with it in front
 * (`size_t size() const`): the same declaration in fewer words. A `decltype` return type
 * (`-> decltype(ctx.out())`, `-> enable_if_t<…, decltype(…)>`), deduction or SFINAE plumbing that
 * names the parameters, goes: `auto format(…) const` reads as a deduced return. Not when the type
 * has parentheses or brackets of its own or is a reference, nor across a header holding comments,
 * strings or directives.
 */
export function leadingReturn(node: Node, parsed: string): Edit | undefined {
  if (!FUNCTIONS.has(node.type)) return undefined;
  const type = node.childForFieldName('type');
  const declarator = node.childForFieldName('declarator');
  if (
    type?.type !== 'placeholder_type_specifier' ||
    parsed.slice(type.startIndex, type.endIndex).trim() !== 'auto'
  )
    return undefined;
  if (declarator?.type !== 'function_declarator') return undefined;
  const trailing = declarator.namedChildren.find((child) => child?.type === 'trailing_return_type');
  const before = trailing?.previousSibling;
  const returned = trailing?.namedChildren.at(-1);
  if (!trailing || !before || !returned) return undefined;
  const collapse = (from: number, to: number) => parsed.slice(from, to).replace(/\s+/g, ' ').trim();
  const result = collapse(returned.startIndex, returned.endIndex);
  if (/\bdecltype\b/.test(result))
    return { start: before.endIndex, end: trailing.endIndex, text: '' };
  const middle = parsed.slice(type.endIndex, before.endIndex);
  // A reference in front makes the declarator a reference declarator, which names nothing to the grammar.
  if (result.length > MAX_RETURN_CHARS || /[()[\]]|&$/.test(result)) return undefined;
  if (/\/\/|\/\*|["'#{]/.test(middle)) return undefined;
  const signature = collapse(type.endIndex, before.endIndex).replace(/([([]) | (?=[)\],])/g, '$1');
  return { start: type.startIndex, end: trailing.endIndex, text: `${result} ${signature}` };
}

/**
 * A template parameter's default (`typename Char = detail::format_string_char_t<S>`) or a variable's
 * or field's initializer longer than this goes.
 */
const MAX_DEFAULT_CHARS = 16;

/**
 * A template header kept by the deepest pass, without its constraint macros (`, FMT_ENABLE_IF(…)`)
 * and long defaults: the parameters' names stay, the SFINAE plumbing is in the stored original.
 */
export function trimTemplateParameters(list: Node): Edit[] {
  const parameters = list.namedChildren.filter((child): child is Node => child !== null);
  const edits: Edit[] = [];
  for (const [index, parameter] of parameters.entries()) {
    const previous = parameters[index - 1];
    if (previous && MACRO_CALL.test(parameter.text)) {
      const end = macroCallEnd(list, parameter);
      if (end !== undefined) edits.push({ start: previous.endIndex, end, text: '' });
      continue;
    }
    const value =
      parameter.childForFieldName('default_type') ?? parameter.childForFieldName('default_value');
    const name = parameter.childForFieldName('name') ?? parameter.childForFieldName('declarator');
    if (value && name && value.endIndex - value.startIndex > MAX_DEFAULT_CHARS)
      edits.push({ start: name.endIndex, end: value.endIndex, text: '' });
  }
  return edits;
}

/** A macro's replacement text longer than this goes (`#define FMT_MAP_3(f, a, b, c) f(a), f(b), f(c)`). */
const MAX_MACRO_VALUE_CHARS = 12;

/** A `#define` kept by the deepest pass as its name and parameters, without a long replacement text. */
export function macroValue(node: Node): Edit | undefined {
  if (node.type !== 'preproc_def' && node.type !== 'preproc_function_def') return undefined;
  const value = node.childForFieldName('value');
  const anchor = node.childForFieldName('parameters') ?? node.childForFieldName('name');
  const text = value?.text.trimEnd() ?? '';
  if (!value || !anchor || text.trim().length <= MAX_MACRO_VALUE_CHARS) return undefined;
  return { start: anchor.endIndex, end: value.startIndex + text.length, text: '' };
}

/**
 * The initializers the deepest pass cuts from a variable or field declaration
 * (`static constexpr bool value = !std::is_void<…>::value && …;` → `static constexpr bool value;`,
 * `basic_string_view<Char> sep_ = detail::string_literal<Char, ',', ' '>{};` → `… sep_;`): each one
 * longer than {@link MAX_DEFAULT_CHARS} goes with the whitespace and `=` before it; short values
 * (`bool debug_ = false;`) stay. Not an `auto` variable, whose type is its initializer's.
 */
export function initializerCuts(node: Node): Edit[] {
  if (node.type !== 'declaration' && node.type !== 'field_declaration') return [];
  if (node.childForFieldName('type')?.type === 'placeholder_type_specifier') return [];
  const values =
    node.type === 'field_declaration'
      ? node.childrenForFieldName('default_value')
      : node.namedChildren
          .filter((child) => child?.type === 'init_declarator')
          .map((child) => child?.childForFieldName('value') ?? null);
  const edits: Edit[] = [];
  for (const value of values) {
    if (!value || value.endIndex - value.startIndex <= MAX_DEFAULT_CHARS) continue;
    let named = value.previousSibling;
    if (named?.type === '=') named = named.previousSibling;
    if (named) edits.push({ start: named.endIndex, end: value.endIndex, text: '' });
  }
  return edits;
}
