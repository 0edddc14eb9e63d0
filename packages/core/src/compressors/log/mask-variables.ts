/** Characters a mask cannot match without (bits of {@link features}). */
const DASH = 1;
const COLON = 2;
const SPACE = 4;
const DASH_OR_SLASH = 8;
const DOT = 16;
const LOWER_X = 32;
/** A run of 5, of 8 lowercase hex digits; a run of 8 uppercase ones. */
const HEX_5 = 64;
const HEX_8 = 128;
const UPPER_HEX_8 = 256;
/** A duration's unit letter: m, s, h, d. */
const UNIT = 512;

// Order matters: wide patterns (timestamps, UUIDs, IPs) must be masked before their digits are.
// `needs`: what a line must hold for the mask to match; placeholders add only `<`, `>` and short runs
// of capitals, so what the line holds before masking decides it for every mask.
const MASKS: Array<{ pattern: RegExp; placeholder: string; needs: number }> = [
  {
    pattern: /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g,
    placeholder: '<UUID>',
    needs: DASH,
  },
  {
    pattern: /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g,
    placeholder: '<TS>',
    needs: DASH | COLON,
  },
  {
    pattern:
      /\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? +)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* +\d{1,2}\b/g,
    placeholder: '<DATE>',
    needs: SPACE,
  },
  { pattern: /\b\d{1,4}[-/]\d{1,2}[-/]\d{1,4}\b/g, placeholder: '<DATE>', needs: DASH_OR_SLASH },
  { pattern: /\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, placeholder: '<TIME>', needs: COLON },
  { pattern: /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g, placeholder: '<IP>', needs: DOT },
  { pattern: /\b0x[0-9a-fA-F]+\b/g, placeholder: '<HEX>', needs: LOWER_X },
  {
    pattern: /\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/g,
    placeholder: '<HEX>',
    needs: HEX_8,
  },
  {
    pattern: /\b(?=[0-9A-F]*[A-F])(?=[0-9A-F]*\d)[0-9A-F]{8,}\b/g,
    placeholder: '<HEX>',
    needs: UPPER_HEX_8,
  },
  // Short lower-case hex runs inside generated names (`api-4931b5-265df`), only with a digit and a letter.
  {
    pattern: /(?<![A-Za-z])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{5,7}(?![A-Za-z0-9])/g,
    placeholder: '<HEX>',
    needs: HEX_5,
  },
  // Durations and ages (`12s`, `3m10s`, `250ms`), whose unit letters would otherwise split one message in many.
  {
    pattern: /\b\d+(?:\.\d+)?(?:ms|s|m|h|d)(?:\d+(?:ms|s|m))*\b/g,
    placeholder: '<DUR>',
    needs: UNIT,
  },
  { pattern: /\d+(?:\.\d+)?/g, placeholder: '<N>', needs: 0 },
];

const DIGIT = /\d/;
/** A plain decimal, also written without its leading zero (`.097`, as CSV exports often do). */
const DECIMAL = /^(-?\.?)\d+(?:\.\d+)?$/;

/**
 * The template of a line: variable parts (timestamps, UUIDs, IPs, hex, numbers — also inside
 * identifiers such as `blk_123`) replaced by placeholders, so repeats of one message compare equal.
 */
export function maskVariables(line: string): string {
  // Every mask but the UUID one needs a digit, and a plain decimal is one number: most cells and
  // many words are one of the two, and 12 regex passes over each would dominate a large table.
  if (!DIGIT.test(line))
    return line.includes('-') ? line.replace(MASKS[0]!.pattern, MASKS[0]!.placeholder) : line;
  const decimal = DECIMAL.exec(line);
  // Only the number mask matches one: its sign and a leading point stay, as the masks leave them.
  if (decimal) return `${decimal[1]}<N>`;
  // Most masks need a character the line does not hold: those are not run.
  const has = features(line);
  let out = line;
  for (const { pattern, placeholder, needs } of MASKS)
    if ((has & needs) === needs) out = out.replace(pattern, placeholder);
  return out;
}

/** Every mask in turn: what {@link maskVariables} computes, without its shortcuts. */
export function applyMasks(line: string): string {
  let out = line;
  for (const { pattern, placeholder } of MASKS) out = out.replace(pattern, placeholder);
  return out;
}

/** What a line holds of what the masks need, as bits. */
function features(line: string): number {
  let has = 0;
  let hexRun = 0;
  let upperHexRun = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const digit = code >= 0x30 && code <= 0x39;
    const lowerHex = digit || (code >= 0x61 && code <= 0x66);
    const upperHex = digit || (code >= 0x41 && code <= 0x46);
    hexRun = lowerHex ? hexRun + 1 : 0;
    upperHexRun = upperHex ? upperHexRun + 1 : 0;
    if (hexRun >= 8) has |= HEX_8 | HEX_5;
    else if (hexRun >= 5) has |= HEX_5;
    if (upperHexRun >= 8) has |= UPPER_HEX_8;
    if (code === 0x2d) has |= DASH | DASH_OR_SLASH;
    else if (code === 0x2f) has |= DASH_OR_SLASH;
    else if (code === 0x3a) has |= COLON;
    else if (code === 0x20) has |= SPACE;
    else if (code === 0x2e) has |= DOT;
    else if (code === 0x78) has |= LOWER_X;
    else if (code === 0x6d || code === 0x73 || code === 0x68 || code === 0x64) has |= UNIT;
  }
  return has;
}
