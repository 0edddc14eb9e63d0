import { bm25ScoresOfTerms, queryTerms } from '../../relevance/bm25.js';
import { relevanceTerms } from '../../relevance/tokenize.js';
import { matchesAnchor, queryAnchors } from '../json/query-anchors.js';
import { DEFAULT_SEARCH_OPTIONS, type SearchOptions } from './search-options.js';
import type { SearchHit } from './search-hit.js';
import { isAsciiAlnum } from '../../util/is-ascii-alnum.js';

/** What makes a hit worth showing when the query says nothing about it. */
const ERROR_WORDS =
  /\b(?:error|errors|exception|fail(?:ed|ure|s)?|fatal|panic|raise[sd]?|throws?|todo|fixme|bug|deprecated)\b|[a-z](?:Error|Exception)\b/;
const DEFINITION =
  /^\s*(?:export\s+)?(?:default\s+)?(?:pub(?:\(\w+\))?\s+)?(?:async\s+)?(?:def|class|function|func|fn|interface|type|struct|enum|trait|impl|module)\s/;

/** How much each hit matters: to the query, and on its own. */
export interface HitScores {
  /** Query-driven: BM25 of the hit's text and context against the query's telling terms, plus symbol, anchor and path matches. */
  relevance: number[];
  /** Query-free: the tool's own score, definitions and error-worded lines rank first among a file's hits. */
  intrinsic: number[];
}

/** Scores every hit against the relevance query (see {@link HitScores}), weighted by `options`. Deterministic. */
export function scoreHits(
  hits: readonly SearchHit[],
  query: string,
  options: SearchOptions = DEFAULT_SEARCH_OPTIONS,
): HitScores {
  const topToolScore = hits.reduce((m, h) => Math.max(m, h.toolScore ?? 0), 0);
  const intrinsic = hits.map(
    (h) =>
      (DEFINITION.test(h.text) ? 0.3 : 0) +
      (ERROR_WORDS.test(h.text) ? 0.2 : 0) +
      (topToolScore > 0
        ? (options.toolScoreWeight * Math.max(0, h.toolScore ?? 0)) / topToolScore
        : 0),
  );
  if (!query.trim() || hits.length === 0) return { relevance: hits.map(() => 0), intrinsic };

  const docs = hits.map((h) => stemAll(relevanceTerms([h.text, ...contextOf(h)].join('\n'))));
  const segmentsOf = new Map<string, string[]>();
  const paths = hits.map((h) => {
    let segments = segmentsOf.get(h.path);
    if (!segments) segmentsOf.set(h.path, (segments = pathSegments(h.path)));
    return segments;
  });
  // A word most hits' paths hold (the project's name) is where they all are, not what the question is about.
  const spread = new Set(telling(queryTerms(query), paths, options.maxTermShare));
  const terms = telling(
    stemAll(queryTerms(query).filter((t) => spread.has(t))),
    docs,
    options.maxTermShare,
  );
  const bm25 = bm25ScoresOfTerms(docs, terms);

  const symbols = querySymbols(query);
  const anchors = queryAnchors(query);
  // A file the query names: a word equal to its base name or to a directory, held by few hits' paths.
  const pathTerms = [...spread].filter((t) => t.length >= 3);

  const relevance = hits.map((hit, i) => {
    let score = bm25[i] ?? 0;
    if (symbols.length > 0 || anchors.length > 0) {
      const context = contextOf(hit).join('\n');
      for (const symbol of symbols) {
        if (hasWord(hit.text, symbol)) score += options.symbolBonus;
        else if (hasWord(context, symbol)) score += options.nearbySymbolBonus;
      }
      if (anchors.length > 0) {
        const lower = `${hit.text}\n${context}`.toLowerCase();
        for (const anchor of anchors)
          if (matchesAnchor(lower, anchor)) score += options.anchorBonus;
      }
    }
    const segments = paths[i] ?? [];
    if (pathTerms.some((t) => segments.includes(t))) score += options.pathBonus;
    return score;
  });
  return { relevance, intrinsic };
}

/** Query terms held by at most `maxShare` of the documents. */
function telling(
  terms: readonly string[],
  docs: ReadonlyArray<readonly string[]>,
  maxShare: number,
): string[] {
  const unique = [...new Set(terms)];
  const counts = new Map<string, number>(unique.map((t) => [t, 0]));
  for (const doc of docs) {
    const seen = new Set<string>();
    for (const term of doc) {
      const n = counts.get(term);
      if (n === undefined || seen.has(term)) continue;
      seen.add(term);
      counts.set(term, n + 1);
    }
  }
  return unique.filter((t) => (counts.get(t) ?? 0) <= docs.length * maxShare);
}

/** Plurals folded to the singular, so "exceptions" finds `JsonSyntaxException`. */
function stem(term: string): string {
  if (term.length > 4 && term.endsWith('ies')) return `${term.slice(0, -3)}y`;
  if (term.length > 3 && term.endsWith('s') && !term.endsWith('ss')) return term.slice(0, -1);
  return term;
}

function stemAll(terms: readonly string[]): string[] {
  return terms.map(stem);
}

/** The directories and the base name of a path, lowercased, the base name also without its extension. */
export function pathSegments(path: string): string[] {
  const parts = path
    .toLowerCase()
    .split(/[\\/]+/)
    .filter(Boolean);
  const base = parts.at(-1) ?? '';
  const dot = base.indexOf('.', 1);
  return dot > 0 ? [...parts, base.slice(0, dot)] : parts;
}

function contextOf(hit: SearchHit): string[] {
  return [...hit.before, ...hit.after].map((l) => l.text);
}

/**
 * Identifiers the query names as code: `backticked` words, camelCase, PascalCase with an inner
 * capital, snake_case and dotted names (`JsonSyntaxException`, `get_adapter`, `os.path`).
 */
export function querySymbols(query: string): string[] {
  const found = new Set<string>();
  for (const m of query.matchAll(/`([^`\n]{1,80})`/g))
    for (const word of m[1]!.match(/[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/g) ?? [])
      found.add(word);
  for (const m of query.matchAll(/[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*/g)) {
    const word = m[0];
    if (/[a-z][A-Z]|[A-Z]{2}[a-z]|_|\./.test(word) && word.length >= 3) found.add(word);
  }
  return [...found];
}

/** Whether `text` holds `word` with no identifier character right before or after it. */
function hasWord(text: string, word: string): boolean {
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const before = text.charCodeAt(at - 1);
    const after = text.charCodeAt(at + word.length);
    if (!isIdentChar(before) && !isIdentChar(after)) return true;
  }
  return false;
}

function isIdentChar(code: number): boolean {
  return isAsciiAlnum(code) || code === 95 || code === 36;
}
