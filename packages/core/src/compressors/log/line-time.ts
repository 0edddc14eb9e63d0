// The forms a log line's timestamp takes, most specific first: ISO and spaced dates with a clock, syslog's
// `Mon DD hh:mm:ss`, Apache's `10/Oct/2000:13:55:36`, compact `20171223-22:15:29:606`, a bare clock, epoch seconds.
const TIMES: readonly RegExp[] = [
  String.raw`\d{4}[-/.]\d{2}[-/.]\d{2}[-T ]{1,2}\d{1,2}[:.]\d{2}[:.]\d{2}(?:[.,:]\d+)?(?:Z|[+-]\d{2}:?\d{2})?`,
  String.raw`(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} (?:\d{4} )?\d{2}:\d{2}:\d{2}(?:\.\d+)?`,
  String.raw`\d{1,2}/(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)/\d{4}:\d{2}:\d{2}:\d{2}`,
  String.raw`\d{8}-\d{1,2}:\d{2}:\d{2}(?::\d+)?`,
  String.raw`(?<![\d.])\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?(?!\d)`,
  String.raw`(?<![\d.])1\d{9}(?:\.\d+)?(?![\d.])`,
].map((source) => new RegExp(source));
/** How far into a line its timestamp may start (past a file name, a tag, an id). */
const SEARCH_CHARS = 120;

/** The timestamp a log line carries near its start, as written; undefined when it has none. */
export function lineTime(line: string): string | undefined {
  const head = line.length > SEARCH_CHARS ? line.slice(0, SEARCH_CHARS) : line;
  // The most specific form wins even when a looser one matches earlier (a clock inside a file name).
  for (const time of TIMES) {
    const match = time.exec(head);
    if (match) return match[0];
  }
  return undefined;
}
