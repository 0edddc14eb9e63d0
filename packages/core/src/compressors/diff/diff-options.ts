// One documented list of names and values: the type is read off it, so the two cannot drift apart.
/** The defaults of {@link DiffOptions}. */
export const DEFAULT_DIFF_OPTIONS = Object.freeze({
  /** Diffs shorter than this many lines pass through. */
  minLines: 50,
  /** Context lines kept around each change (hunks are re-split with correct headers). */
  contextLines: 2,
  /** Most hunks shown per file and files shown; past them the smallest changes are named in one line each. */
  maxHunksPerFile: 10,
  maxFiles: 20,
  /**
   * A hunk that adds more lines than this and removes at most a few (a new file, a pasted block, a
   * file rewritten from one line) shows an outline of code, or the first `additionHead` lines of
   * anything else; a deleted file longer than this is one line.
   */
  largeAddition: 60,
  additionHead: 20,
  /** A large addition may replace this many lines, or this share of what it adds: they are shown. */
  replacedLines: 3,
  replacedShare: 0.05,
  /** An outline longer than this shows its shallowest lines: a diff is read for what changed, not as the file. */
  outlineLines: 120,
});

/** The diff compressor's budget, as SmartCrusher has `CrushOptions`: how much context, how many hunks and files, how large additions show. */
export type DiffOptions = typeof DEFAULT_DIFF_OPTIONS;
