/** One hunk of a unified diff. */
export interface Hunk {
  /** The `@@ -a,b +c,d @@ section` line as written. */
  header: string;
  oldStart: number;
  newStart: number;
  /** Text after the closing `@@` (git puts the enclosing function there). */
  section: string;
  /** Body lines, each starting with ` `, `+`, `-` or `\`. */
  lines: string[];
  /** True for combined (`@@@`) hunks of merge diffs, which are kept as written. */
  combined: boolean;
}

/** One file of a diff: its header lines, hunks, and any lines after them (commit text in `git log -p`). */
export interface DiffFile {
  path: string;
  header: string[];
  hunks: Hunk[];
  trailer: string[];
}

/** A parsed diff: lines before the first file (commit or mail headers), then the files. */
export interface ParsedDiff {
  preamble: string[];
  files: DiffFile[];
}

const FILE_START = /^diff (?:--git|--cc|--combined) /;
const HUNK = /^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$/;
const COMBINED_HUNK = /^@@@+ /;

/**
 * Parses unified diffs: `git diff`/`git show`/`git log -p` output and plain `diff -u` output.
 * Hunk bodies are read by their line counts, so commit text between files stays out of hunks.
 */
export function parseDiff(text: string): ParsedDiff {
  const lines = text.split('\n');
  const diff: ParsedDiff = { preamble: [], files: [] };
  let file: DiffFile | undefined;
  let i = 0;
  const startsPlainFile = (at: number): boolean =>
    (lines[at] as string).startsWith('--- ') &&
    (lines[at + 1] ?? '').startsWith('+++ ') &&
    HUNK.test(lines[at + 2] ?? '');
  while (i < lines.length) {
    const line = lines[i] as string;
    if (FILE_START.test(line) || (startsPlainFile(i) && (!file || file.hunks.length > 0))) {
      file = { path: '', header: [line], hunks: [], trailer: [] };
      diff.files.push(file);
      i++;
      while (
        i < lines.length &&
        !isHunkStart(lines[i] as string) &&
        !FILE_START.test(lines[i] as string)
      ) {
        file.header.push(lines[i] as string);
        i++;
      }
      file.path = pathOf(file.header);
      continue;
    }
    if (file && isHunkStart(line) && file.trailer.length === 0) {
      const read = readHunk(lines, i);
      file.hunks.push(read.hunk);
      i = read.next;
      continue;
    }
    (file ? file.trailer : diff.preamble).push(line);
    i++;
  }
  return diff;
}

function isHunkStart(line: string): boolean {
  return HUNK.test(line) || COMBINED_HUNK.test(line);
}

function readHunk(lines: readonly string[], start: number): { hunk: Hunk; next: number } {
  const header = lines[start] as string;
  const match = HUNK.exec(header);
  const hunk: Hunk = {
    header,
    oldStart: match ? Number(match[1]) : 0,
    newStart: match ? Number(match[3]) : 0,
    section: match?.[5] ?? '',
    lines: [],
    combined: !match,
  };
  let i = start + 1;
  if (!match) {
    // Combined hunks carry one column per parent; read them by their prefixes.
    while (
      i < lines.length &&
      /^[ +\-\\]/.test(lines[i] as string) &&
      !lines[i]!.startsWith('diff ')
    )
      hunk.lines.push(lines[i++] as string);
    return { hunk, next: i };
  }
  let oldLeft = match[2] === undefined ? 1 : Number(match[2]);
  let newLeft = match[4] === undefined ? 1 : Number(match[4]);
  while (i < lines.length && (oldLeft > 0 || newLeft > 0)) {
    const line = lines[i] as string;
    const mark = line[0];
    if (mark === '+') newLeft--;
    else if (mark === '-') oldLeft--;
    else if (mark === ' ' || line === '') {
      oldLeft--;
      newLeft--;
    } else if (mark !== '\\') break; // counts were wrong: stop at the first line that is not hunk body
    hunk.lines.push(line);
    i++;
  }
  while (i < lines.length && lines[i]!.startsWith('\\')) hunk.lines.push(lines[i++] as string);
  return { hunk, next: i };
}

/** The file's new path (its old one when deleted), from `diff --git`, `+++` or `---` lines. */
function pathOf(header: readonly string[]): string {
  const strip = (p: string): string =>
    p
      .replace(/^"|"$/g, '')
      .replace(/^[ab]\//, '')
      .replace(/\t.*$/, '');
  const plus = header.find((l) => l.startsWith('+++ '));
  if (plus && !plus.startsWith('+++ /dev/null')) return strip(plus.slice(4));
  const minus = header.find((l) => l.startsWith('--- '));
  if (minus && !minus.startsWith('--- /dev/null')) return strip(minus.slice(4));
  const git = /^diff --git (?:"?a\/)?(.+?)"? (?:"?b\/)(.+?)"?$/.exec(header[0] ?? '');
  if (git) return git[2] as string;
  return (header[0] ?? '').replace(/^diff (?:--cc|--combined) /, '');
}
