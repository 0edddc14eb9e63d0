// One documented list of names and values: the type is read off it, so the two cannot drift apart.
/** The defaults of {@link LogOptions}. */
export const DEFAULT_LOG_OPTIONS = Object.freeze({
  /** Logs shorter than this many lines pass through. */
  minLines: 50,
  /** First and last lines always kept: the command that ran and its final status. */
  headLines: 5,
  tailLines: 5,
  /** Lines shown of one stack trace (its header included); all traces together show `maxTraces × traceLines` frames. */
  maxTraces: 3,
  traceLines: 20,
  /**
   * Kept lines longer than this are cut (package lists, minified code, one-line JSON); lines with an
   * error-like word and trace messages get more room, lines with a warning or error level the most.
   */
  maxLineChars: 120,
  maxNotableChars: 240,
  maxLevelChars: 1000,
  /** Distinct summary lines (`Tests: 3 failed`) and failing test names kept. */
  maxSummaryLines: 40,
  maxTestFailures: 100,
  /** Most frequent ordinary (info/debug) templates shown once each, so the log's shape stays visible. */
  shapeTemplates: 15,
  /** A context line is skipped once its template is already shown this often. */
  maxCopies: 2,
  /** Distinct wordings shown per notable template (`refused by db-1`, `refused by cache`…). */
  notableVariants: 3,
  /** Ordinary lines shown around errors and as the log's shape: this share of the log, at least `minInfoChars`. */
  infoShare: 0.06,
  minInfoChars: 400,
});

/**
 * The log compressor's budget, as SmartCrusher has `CrushOptions`: what it always keeps, how long kept
 * lines may be, and how much room ordinary lines get.
 */
export type LogOptions = typeof DEFAULT_LOG_OPTIONS;
