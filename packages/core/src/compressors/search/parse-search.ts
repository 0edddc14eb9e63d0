/** One line of grep/ripgrep output. */
export interface SearchLine {
  /** Position in the original output. */
  index: number;
  path: string;
  line: number;
  /** True for a match (`path:12:`), false for a context line (`path-12-`). */
  match: boolean;
  /** The line as written, indentation and all. */
  raw: string;
  /** The matched file's text, after the `path:line:[col:]` prefix. */
  text: string;
  /** `git grep -p`'s line naming the function the next matches are in (`path=12=text`). */
  enclosing?: boolean;
  /** Printed under a path heading (`rg --heading`, `git grep --heading`): `raw` holds no path. */
  headed?: boolean;
}

/** Parsed search output; `notes` are the non-blank lines that are neither results nor `--` separators. */
export interface ParsedSearch {
  lines: SearchLine[];
  /** A tool's header (`Found 37 matches`), grep's `Binary file x matches`, a truncation notice. */
  notes: string[];
}

const DRIVE = /^[A-Za-z]:[\\/]/;

/** A numbered line under a heading: `12:text` (match) or `12-text` (context). */
const HEADED = /^(\d+)([:-])/;
const MATCH = /:(\d+):(?:(\d+):)?/;
const CONTEXT = /([-=])(\d+)\1/g;

/**
 * Parses `path:line:text`, `path:line:col:text` (ripgrep `--vimgrep`), `path=line=text` (`git grep -p`'s
 * enclosing function) and `path-line-text` context
 * lines (grep/rg `-C`), Windows drive paths included, and heading mode (`rg --heading`, `git grep
 * --heading`: a path line, then `line:text` and `line-text` lines up to a blank line). Paths seen on match lines decide where a
 * context line's path ends, so `my-2-file.txt-12-text` splits at the right dash.
 */
export function parseSearch(text: string): ParsedSearch {
  const rawLines = text.split('\n');
  const known = new Set<string>();
  for (const raw of rawLines) {
    const match = matchPrefix(raw);
    if (match) known.add(match.path);
  }
  const lines: SearchLine[] = [];
  const notes: string[] = [];
  let heading: string | undefined;
  for (const [index, raw] of rawLines.entries()) {
    if (raw.trim() === '') {
      heading = undefined;
      continue;
    }
    if (raw === '--') continue;
    if (heading !== undefined) {
      const numbered = HEADED.exec(raw);
      if (numbered) {
        lines.push({
          index,
          raw,
          path: heading,
          line: Number(numbered[1]),
          match: numbered[2] === ':',
          text: raw.slice(numbered[0].length),
          headed: true,
        });
        continue;
      }
      heading = undefined;
    }
    if (HEADED.test(rawLines[index + 1] ?? '') && isHeading(raw)) {
      heading = raw;
      continue;
    }
    const parsed = contextPrefix(raw, known) ?? matchPrefix(raw);
    if (!parsed) {
      notes.push(raw);
      continue;
    }
    lines.push({ index, raw, ...parsed });
  }
  return { lines, notes };
}

type Prefix = Omit<SearchLine, 'index' | 'raw'>;

function matchPrefix(raw: string): Prefix | undefined {
  const drive = DRIVE.exec(raw)?.[0] ?? '';
  const found = MATCH.exec(raw.slice(drive.length));
  if (!found || found.index === 0) return undefined;
  const path = drive + raw.slice(drive.length, drive.length + found.index);
  return {
    path,
    line: Number(found[1]),
    match: true,
    text: raw.slice(drive.length + found.index + found[0].length),
  };
}

/** A context line whose path is one already seen on a match line (the only safe way to split at a dash). */
function contextPrefix(raw: string, known: ReadonlySet<string>): Prefix | undefined {
  for (const found of raw.matchAll(CONTEXT)) {
    const path = raw.slice(0, found.index);
    if (known.has(path))
      return {
        path,
        line: Number(found[2]),
        match: false,
        text: raw.slice(found.index + found[0].length),
        ...(found[1] === '=' ? { enclosing: true } : {}),
      };
  }
  return undefined;
}

/**
 * A path on a line of its own (heading mode): no colon past a drive, a slash or a dot; blanks only
 * beside a slash. Plain string tests: a pattern for it backtracks quadratically on a long line.
 */
function isHeading(raw: string): boolean {
  const rest = DRIVE.test(raw) ? raw.slice(2) : raw;
  return !rest.includes(':') && /[\\/.]/.test(rest) && (!/\s/.test(rest) || /[\\/]/.test(rest));
}
