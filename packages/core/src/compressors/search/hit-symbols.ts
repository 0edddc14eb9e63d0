import type { SearchHit } from './search-hit.js';

/** An identifier on more than this share of match lines is the search pattern itself (`throw`, `new`). */
const PATTERN_SHARE = 0.5;
const STRING = /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`[^`\n]*`/g;
/** Dotted chains (`com.google.gson.Gson`, `this.factory`) count as their last name. */
const IDENTIFIER = /[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/g;
/** A comment or doc-comment line names no symbol of its own. */
const COMMENT = /^\s*(?:\/\/|\/\*|\*|#|--|;|<!--)/;
/** Keywords and modifiers of the common languages: never what a line is about. */
const KEYWORDS = new Set(
  (
    'abstract async await break case catch class const continue def default defer del delete do elif else enum ' +
    'except export extends extern final finally fn for from func function go if impl implements import in ' +
    'instanceof interface internal is let match mod module mut namespace new nil not null override package ' +
    'private protected pub public raise readonly return self static struct super switch synchronized ' +
    'template this throw throws trait try type typeof typedef union unsafe use using val var virtual void ' +
    'volatile where while with yield true false None True False int long short char byte float double bool ' +
    'boolean string str'
  ).split(' '),
);

/**
 * What each hit is about: the first identifier on its match line, outside string literals, that
 * is not part of what every hit shares (for a search for `throw new ` the class thrown, for
 * `func (c *Command)` the method name). Hits with the same symbol form a group; `''` when none.
 */
export function hitSymbols(hits: readonly SearchHit[]): string[] {
  const words = hits.map((h) =>
    COMMENT.test(h.text)
      ? []
      : (h.text.replace(STRING, ' ').match(IDENTIFIER) ?? [])
          .map((w) => w.slice(w.lastIndexOf('.') + 1))
          .filter((w) => w.length >= 2),
  );
  const lineCount = new Map<string, number>();
  for (const list of words)
    for (const word of new Set(list)) lineCount.set(word, (lineCount.get(word) ?? 0) + 1);
  const common = (word: string): boolean =>
    hits.length > 1 && (lineCount.get(word) ?? 0) > hits.length * PATTERN_SHARE;
  // A line of keywords and shared names only (`import com.example.Searched;`) is about its keyword.
  return words.map(
    (list) =>
      list.find((w) => !common(w) && !KEYWORDS.has(w)) ?? list.find((w) => !common(w)) ?? '',
  );
}
