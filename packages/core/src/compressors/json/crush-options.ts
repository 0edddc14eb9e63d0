/** SmartCrusher's tuning; the defaults are DESIGN.md's bracketed numbers. */
export interface CrushOptions {
  /** Arrays shorter than this are only walked into. */
  minItems: number;
  /** Arrays up to this length are kept whole. */
  keepAllUpTo: number;
  /** Bounds of the adaptive number of items to show (k). */
  minK: number;
  maxK: number;
  /** Shares of k kept from the start and the end of an array. */
  firstFraction: number;
  lastFraction: number;
  /** Numbers further than this many standard deviations from their field's mean are kept. */
  anomalySigmas: number;
  /** Render arrays of objects as lossless tables when that saves at least this share of tokens… */
  losslessMinSavings: number;
  /**
   * …and the table costs at most this many tokens. A bigger table is used only when the array may
   * not be crushed (distinct entities, no signal); otherwise crushing wins. `Infinity` = always lossless first.
   */
  losslessMaxTokens: number;
  /** Strings longer than this many UTF-8 bytes that are opaque (base64, HTML, binary) are stored. */
  opaqueMinBytes: number;
  /** Strings of at least this many characters go to the `strings` compressor, when there is one. */
  longStringChars: number;
  /** A field in fewer than this share of items makes the items that have it structural outliers. */
  rareFieldShare: number;
  /**
   * A field is categorical when it has at most `maxCategories` distinct values and at most
   * `maxCommonValues` of them cover `commonCover` of its items; the other values are rare, outliers.
   */
  maxCategories: number;
  commonCover: number;
  maxCommonValues: number;
}

/** The defaults. */
export const DEFAULT_CRUSH_OPTIONS: Readonly<CrushOptions> = Object.freeze({
  minItems: 5,
  keepAllUpTo: 8,
  minK: 3,
  maxK: 15,
  firstFraction: 0.3,
  lastFraction: 0.15,
  anomalySigmas: 2,
  losslessMinSavings: 0.15,
  losslessMaxTokens: 2000,
  opaqueMinBytes: 256,
  longStringChars: 4096,
  rareFieldShare: 0.2,
  maxCategories: 50,
  commonCover: 0.8,
  maxCommonValues: 5,
});
