/** The kinds of content the router tells apart; each has one compressor folder under `compressors/`. */
export const CONTENT_KINDS = [
  'json',
  'code',
  'log',
  'diff',
  'search',
  'html',
  'table',
  'text',
] as const;

/** One of {@link CONTENT_KINDS}. */
export type ContentKind = (typeof CONTENT_KINDS)[number];

/** Languages the code compressor knows: one tree-sitter grammar each. */
export const CODE_LANGUAGES = [
  'python',
  'javascript',
  'typescript',
  'tsx',
  'go',
  'rust',
  'java',
  'cpp',
] as const;

/** One of {@link CODE_LANGUAGES}. */
export type CodeLanguage = (typeof CODE_LANGUAGES)[number];

/** What the router decided about a piece of text. */
export interface Detection {
  kind: ContentKind;
  /** 0..1, how sure the detector is. */
  confidence: number;
  language?: CodeLanguage;
  /** Decoded binary (NUL bytes, control characters, replacement characters): no compressor may touch it. */
  binary?: boolean;
  /**
   * Every detector's confidence for the text, kept so a misroute can be explained (`text` is the share of
   * lines that read as sentences). Absent when JSON parsing, binary or blank input settled it first.
   */
  scores?: Partial<Record<ContentKind, number>>;
}

/** Hints an adapter can pass to the router (from the tool call that produced the text). */
export interface DetectionHints {
  toolName?: string;
  /** A file name or path the tool call named, used for code language detection. */
  fileName?: string;
}

/** Meta stored with an original in CCR; tells retrieval how to split it into units for query search. */
export interface CcrMeta {
  kind: ContentKind | 'string';
  language?: CodeLanguage;
  /** Items, lines or sentences the original has, for markers and retrieval answers. */
  count?: number;
  toolName?: string;
}

/** What every compressor receives besides the text. Compressors stay pure: no I/O, no clocks. */
export interface CompressorContext {
  /** Relevance query: the last user text before this content arrived. */
  query: string;
  language?: CodeLanguage;
  fileName?: string;
  toolName?: string;
  /** Token counter for the request's model (loaded before compressors run, so it is synchronous). */
  countTokens(text: string): number;
  /**
   * Register an original for CCR and get its key. The pipeline persists every stashed original
   * before the compressed text is used; if persisting fails, the segment goes out uncompressed.
   */
  stash(original: string, meta: CcrMeta): string;
  signal?: AbortSignal;
}

/** A compressor's answer. `text` equal to the input means "nothing to do". */
export interface CompressorOutput {
  text: string;
  /** Short machine-readable note on what was done, e.g. `smart_crush:lossless` — goes into transforms. */
  strategy?: string;
}

/** A compressor: a pure function of text and context. May be async (ML, lazy grammar loads). */
export type Compressor = (
  text: string,
  ctx: CompressorContext,
) => CompressorOutput | Promise<CompressorOutput>;

/**
 * Splits a stored original into the units a query can select (items, lines, functions…). It may use
 * the query to narrow the units to those it names (the code splitter returns a named function whole).
 */
export type UnitSplitter = (
  original: string,
  meta: CcrMeta,
  query?: string,
  options?: UnitSplitterOptions,
) => string[] | Promise<string[]>;

/** What retrieval lends a {@link UnitSplitter}. */
export interface UnitSplitterOptions {
  /**
   * Ranks documents as `rankByRelevance` does, faster when the same documents were ranked before for
   * this original (retrieval keeps their index): a splitter that ranks lines of the original uses it.
   */
  rank?: Ranker;
}

/** Indices of the `documents` that match `query`, best first (see `rankByRelevance`). */
export type Ranker = (documents: readonly string[], query: string) => number[];

/**
 * The compressor contract: what every `create…Compressor()` factory returns and what the
 * `compressors` option takes per content kind. `units` tells retrieval how to split the originals
 * this compressor stores; without it retrieval works on lines.
 */
export interface CompressorSpec {
  compress: Compressor;
  units?: UnitSplitter;
}

/** Compressors by content kind, as one pipeline uses them. Kinds without an entry pass through. */
export type CompressorSet = Partial<Record<ContentKind, CompressorSpec>>;
