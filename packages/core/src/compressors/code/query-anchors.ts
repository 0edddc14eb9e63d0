import { queryTerms } from '../../relevance/bm25.js';

/** What in a relevance query can pick out a function body. */
export interface QueryAnchors {
  /** Code-shaped names (`resolve_redirects`, `getUserById`, `HTTPAdapter`, `parse(`): matched as whole words. */
  identifiers: string[];
  /** Quoted text (`"invalid header"`, `` `Session.send` ``): matched case-insensitively. */
  phrases: string[];
  /** Plain query words (lowercase, no stopwords): a definition with one of these names is relevant. */
  words: ReadonlySet<string>;
  /** The query, lowercased: error text pasted into it is found by matching a body's string literals against it. */
  lowered: string;
}

const IDENTIFIER = /[A-Za-z_$][\w$]*(\()?/g;
const PHRASE = /"([^"\n]{3,200})"|`([^`\n]{3,200})`|(?<![\w'])'([^'\n]{3,200})'(?!\w)/g;

/** Reads the anchors of a relevance query. */
export function queryAnchors(query: string): QueryAnchors {
  const identifiers = new Set<string>();
  const wholeWords = new Set<string>();
  for (const match of query.matchAll(IDENTIFIER)) {
    const word = match[0].replace(/\($/, '');
    wholeWords.add(word.toLowerCase());
    if (word.length >= 3 && (match[1] !== undefined || isCodeShaped(word))) identifiers.add(word);
  }
  const phrases = new Set<string>();
  for (const match of query.matchAll(PHRASE)) {
    const phrase = (match[1] ?? match[2] ?? match[3] ?? '').trim();
    if (phrase.length >= 3) phrases.add(phrase.toLowerCase());
  }
  const words = new Set(
    queryTerms(query).filter((term) => term.length >= 3 && wholeWords.has(term)),
  );
  return {
    identifiers: [...identifiers],
    phrases: [...phrases],
    words,
    lowered: query.toLowerCase(),
  };
}

/** True when the anchors can match nothing (empty or stopword-only query). */
export function isEmptyQuery(anchors: QueryAnchors): boolean {
  return (
    anchors.identifiers.length === 0 && anchors.phrases.length === 0 && anchors.words.size === 0
  );
}

/** Whether the query names a definition called `name` (`Session.send`, `A::g` and `this.f` by their last part). */
export function namesDefinition(anchors: QueryAnchors, name: string): boolean {
  const last = lastPart(name);
  return anchors.words.has(last.toLowerCase()) || anchors.identifiers.includes(last);
}

/** The last part of a qualified name: `Session.send` → `send`, `A::g` → `g`. */
export function lastPart(name: string): string {
  return (
    name
      .split(/::|\.|->/)
      .pop()
      ?.trim() ?? name
  );
}

/** snake_case, camelCase, PascalCase with two humps, or letters with digits: not an English word. */
function isCodeShaped(word: string): boolean {
  const core = word.replace(/^[_$]+|[_$]+$/g, '');
  if (core.includes('_') || core.includes('$')) return true;
  if (/[a-z][A-Z]/.test(core)) return true;
  if (/[A-Z]{2,}[a-z]/.test(core)) return true;
  return /[A-Za-z]/.test(core) && /\d/.test(core);
}

const PLACEHOLDER = /%[-#0 +]*\d*(?:\.\d+)?[a-zA-Z]|\{[^{}]*\}|\$\{[^{}]*\}|\\./g;
const STRING_LITERAL = /"((?:[^"\\\n]|\\.){12,})"|'((?:[^'\\\n]|\\.){12,})'|`([^`]{12,})`/g;

/**
 * Whether `body` quotes text that appears in the query: the fixed parts of its string literals
 * (format placeholders removed), at least two words long, found in the lowered query.
 * This is how a pasted error message finds the code that raises it.
 */
export function quotesQueryText(body: string, anchors: QueryAnchors): boolean {
  if (anchors.lowered.length < 10) return false;
  for (const match of body.matchAll(STRING_LITERAL)) {
    const literal = match[1] ?? match[2] ?? match[3] ?? '';
    for (const fragment of literal.split(PLACEHOLDER)) {
      const text = fragment.trim().toLowerCase();
      if (text.length >= 10 && /\S\s+\S/.test(text) && anchors.lowered.includes(text)) return true;
    }
  }
  return false;
}

/** Whether `text` contains `identifier` as a whole word (not as part of a longer name). */
export function containsIdentifier(text: string, identifier: string): boolean {
  let from = text.indexOf(identifier);
  while (from !== -1) {
    const before = text[from - 1];
    const after = text[from + identifier.length];
    if (!isWordChar(before) && !isWordChar(after)) return true;
    from = text.indexOf(identifier, from + 1);
  }
  return false;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\w$]/.test(char);
}
