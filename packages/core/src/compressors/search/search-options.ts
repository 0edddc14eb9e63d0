// One documented list of names and values: the type is read off it, so the two cannot drift apart.
/** The defaults of {@link SearchOptions}. */
export const DEFAULT_SEARCH_OPTIONS = Object.freeze({
  /** A query term held by more than this share of hits (`throw` in a search for `throw new`) tells none apart. */
  maxTermShare: 0.5,
  /**
   * Bonuses on top of BM25 (0..1): an identifier from the query in the hit's line, or only in its
   * context lines; a query anchor (an id, a path, a quoted string) found verbatim; a file the query names.
   */
  symbolBonus: 1,
  nearbySymbolBonus: 0.5,
  anchorBonus: 1,
  pathBonus: 0.5,
  /** Weight of the search tool's own score (scaled to its best), which ranks a file's hits when the query says nothing. */
  toolScoreWeight: 0.4,
  /** A hit counts as relevant when it scores at least this share of the best hit; at most `maxRelevant` are kept whatever their file. */
  relevantShare: 0.5,
  maxRelevant: 25,
  /** Only a hit scoring this share of the best brings its group (hits with the same symbol): a weak match is not evidence about its kind. */
  groupLeaderShare: 0.75,
  /** A group comes whole only when it is this small: `smallGroupHits` hits, or `smallGroupShare` of all hits if that is more. */
  smallGroupHits: 5,
  smallGroupShare: 0.2,
  /** Most files shown with a hit; the rest are named with their counts. */
  maxFiles: 15,
});

/** The search compressor's ranking and budget, as SmartCrusher has `CrushOptions`: how hits score against the query, and how many are shown. */
export type SearchOptions = typeof DEFAULT_SEARCH_OPTIONS;
