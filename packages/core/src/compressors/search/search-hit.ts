/** A line shown around a hit: its number in the file (when known) and its text as written. */
export interface HitLine {
  line?: number;
  text: string;
  /** The line exactly as the source printed it (grep output), when there was one. */
  raw?: string;
}

/**
 * One search hit, whatever printed it: a grep/ripgrep match line with its context lines, or one
 * object of a JSON code-search result. Selection and rendering work on these alone.
 */
export interface SearchHit {
  /** Position among all hits, in original order. */
  index: number;
  path: string;
  line: number;
  column?: number;
  /** The matching line, indentation kept. */
  text: string;
  /** The line as printed (grep output); JSON hits have none and are rendered under a path heading. */
  raw?: string;
  before: HitLine[];
  after: HitLine[];
  /** The tool gave no line number (GitHub's text fragments): `line` is the match's place in its file, not shown. */
  unnumbered?: boolean;
  /** The search tool's own relevance score (a JSON `score`/`match_score`/`relevance` field), when it gave one. */
  toolScore?: number;
  /** JSON fields of the hit that are neither its location, text nor context and differ between hits. */
  extra?: Record<string, unknown>;
}
