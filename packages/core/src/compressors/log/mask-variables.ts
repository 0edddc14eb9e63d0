// Order matters: wide patterns (timestamps, UUIDs, IPs) must be masked before their digits are.
const MASKS: Array<[RegExp, string]> = [
  [/\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g, '<UUID>'],
  [/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?/g, '<TS>'],
  [
    /\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? +)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* +\d{1,2}\b/g,
    '<DATE>',
  ],
  [/\b\d{1,4}[-/]\d{1,2}[-/]\d{1,4}\b/g, '<DATE>'],
  [/\b\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?\b/g, '<TIME>'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{1,5})?\b/g, '<IP>'],
  [/\b0x[0-9a-fA-F]+\b/g, '<HEX>'],
  [/\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/g, '<HEX>'],
  [/\b(?=[0-9A-F]*[A-F])(?=[0-9A-F]*\d)[0-9A-F]{8,}\b/g, '<HEX>'],
  // Short lower-case hex runs inside generated names (`api-4931b5-265df`), only with a digit and a letter.
  [/(?<![A-Za-z])(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{5,7}(?![A-Za-z0-9])/g, '<HEX>'],
  // Durations and ages (`12s`, `3m10s`, `250ms`), whose unit letters would otherwise split one message in many.
  [/\b\d+(?:\.\d+)?(?:ms|s|m|h|d)(?:\d+(?:ms|s|m))*\b/g, '<DUR>'],
  [/\d+(?:\.\d+)?/g, '<N>'],
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
  if (!DIGIT.test(line)) return line.includes('-') ? line.replace(MASKS[0]![0], '<UUID>') : line;
  const decimal = DECIMAL.exec(line);
  // Only the number mask matches one: its sign and a leading point stay, as the masks leave them.
  if (decimal) return `${decimal[1]}<N>`;
  return applyMasks(line);
}

/** Every mask in turn: what {@link maskVariables} computes, without its shortcuts. */
export function applyMasks(line: string): string {
  let out = line;
  for (const [pattern, placeholder] of MASKS) out = out.replace(pattern, placeholder);
  return out;
}
