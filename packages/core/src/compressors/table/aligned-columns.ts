/** Lines before the header that may be a preamble (`total 48`, dpkg's legend). */
const MAX_PREAMBLE = 8;
const MIN_ROWS = 3;
/** A header line this long is prose or data, not column names. */
const MAX_HEADER_CHARS = 400;
/** `-------- -----` (pip list), `+++-====` (dpkg -l): a rule under the header. */
const RULE = /^[\s|+=-]*[=-]{3,}[\s|+=-]*$/;
/** A column name (`PID`, `%CPU`, `TIME+`, `LAST SEEN`, `Location`) or punctuation alone (dpkg's `||/`). */
const NAME = /^(?:[A-Za-z%#][\w%#().:/+ -]*|[^\w\s]+)$/;

/** A table printed with its columns aligned by spaces: where its header is and where each column starts. */
export interface AlignedColumns {
  /** Index of the header line; the lines before it are a preamble. */
  header: number;
  /** Index of the first row (after the header and its rule, if any). */
  body: number;
  /** Character offset where each column starts, left to right. */
  starts: number[];
}

/**
 * Finds a space-aligned table (`ps aux`, `docker ps`, `kubectl get`, `pip list`, `dpkg -l`): a header of
 * column names, then rows, with the same columns of blanks in every line between the columns. Text
 * with tabs is left to the TSV reader; a header with a level or a timestamp in front is a log's line.
 */
export function alignedColumns(lines: readonly string[]): AlignedColumns | undefined {
  if (lines.some((line) => line.includes('\t'))) return undefined;
  for (let header = 0; header < Math.min(MAX_PREAMBLE, lines.length); header++) {
    const found = columnsUnder(lines, header);
    if (found) return found;
  }
  return undefined;
}

function columnsUnder(lines: readonly string[], header: number): AlignedColumns | undefined {
  const head = lines[header] as string;
  if (head.trim() === '' || head.length > MAX_HEADER_CHARS) return undefined;
  const ruled = RULE.test(lines[header + 1] ?? '');
  const body = header + (ruled ? 2 : 1);
  const rows = lines.slice(body).filter((line) => line.trim() !== '');
  if (rows.length < MIN_ROWS) return undefined;
  // Columns start at or before the header's last name: past it, the last column's values run freely.
  const lastName = /\S+\s*$/.exec(head)!.index;
  const blank = new Array<boolean>(lastName + 1).fill(true);
  for (const line of [head, ...rows]) {
    for (let p = 0; p < blank.length && p < line.length; p++) if (line[p] !== ' ') blank[p] = false;
  }
  const starts: number[] = [];
  for (let p = 0; p <= lastName; p++) if (!blank[p] && (p === 0 || blank[p - 1])) starts.push(p);
  // A narrow column can sit under no name (ps's TTY values right of their name's column).
  const names = cellsAt(head, starts).filter((name) => name !== '');
  if (names.length < (ruled ? 2 : 3) || !names.every((name) => NAME.test(name))) return undefined;
  return { header, body, starts };
}

/** The cells of a line cut at the column starts, trimmed; the last runs to the end of the line. */
export function cellsAt(line: string, starts: readonly number[]): string[] {
  return starts.map((start, i) => line.slice(start, starts[i + 1] ?? line.length).trim());
}
