import { cutLongLine } from '../../util/truncate.js';
import { byDirectory } from './by-directory.js';
import type { HitSelection, FileHits } from './select-hits.js';
import type { SearchHit } from './search-hit.js';

/** Line numbers listed per file for the hits not shown (past this many, only counted). */
const MAX_LISTED_LINES = 16;
/** Shown lines longer than this (a minified file's one line) are cut; the whole line is in CCR. */
const MAX_LINE_CHARS = 400;
/** Dropped files named one by one (past this many, only counted). */
const MAX_NAMED_FILES = 200;

interface Shown {
  line: number;
  text: string;
  match: boolean;
}

/**
 * The selection as text, files in original order. Grep hits print their lines verbatim; JSON hits
 * print under a path heading as `line:text` (matches, with `line:col:` when known) and `line-text`
 * (context), the way `rg --heading -n` does. Each file ends with the line numbers of its hits not
 * shown; dropped files are named per directory with their counts. `shown` counts the hits in view,
 * `cut` says whether a line longer than [400] chars was cut.
 */
export function renderHits(
  selection: HitSelection,
  symbols: readonly string[],
): { lines: string[]; shown: number; cut: boolean } {
  const out: string[] = [];
  let shownHits = 0;
  let cut = false;
  const cap = (line: string): string => {
    const capped = cutLongLine(line, MAX_LINE_CHARS);
    cut ||= capped !== line;
    return capped;
  };
  for (const file of selection.shown) {
    const verbatim = file.hits.every((h) => h.raw !== undefined);
    const unnumbered = file.hits.some((h) => h.unnumbered);
    const shown = verbatim
      ? rawLines(file.kept, cap)
      : unnumbered
        ? fragmentLines(file, cap)
        : headingLines(file, cap);
    const shownLines = new Set(shown.lines);
    const rest = file.hits.filter((h) => !shownLines.has(h.line));
    shownHits += file.hits.length - rest.length;
    out.push(...shown.text);
    if (rest.length > 0)
      out.push(
        unnumbered
          ? `[… ${rest.length} more ${rest.length === 1 ? 'fragment' : 'fragments'}]`
          : moreLine(rest, symbols, verbatim ? file.path : undefined),
      );
  }
  out.push(...namedFiles(selection.dropped));
  return { lines: out, shown: shownHits, cut };
}

type Cap = (line: string) => string;

function rawLines(kept: readonly SearchHit[], cap: Cap): { text: string[]; lines: number[] } {
  const byLine = new Map<number, string>();
  for (const hit of kept)
    for (const l of [...hit.before, { line: hit.line, raw: hit.raw }, ...hit.after])
      if (l.line !== undefined && l.raw !== undefined && !byLine.has(l.line))
        byLine.set(l.line, l.raw);
  const lines = [...byLine.keys()].sort((a, b) => a - b);
  return { text: lines.map((n) => cap(byLine.get(n)!)), lines };
}

function headingLines(file: FileHits, cap: Cap): { text: string[]; lines: number[] } {
  const hitAt = new Map(file.hits.map((h) => [h.line, h]));
  const byLine = new Map<number, Shown & { hit?: SearchHit }>();
  for (const hit of file.kept) {
    for (const l of [...hit.before, ...hit.after]) {
      if (l.line === undefined || byLine.has(l.line)) continue;
      // Context that is itself a hit of this file is shown as the hit it is.
      const other = hitAt.get(l.line);
      byLine.set(
        l.line,
        other
          ? { line: l.line, text: other.text, match: true, hit: other }
          : { line: l.line, text: l.text, match: false },
      );
    }
    byLine.set(hit.line, { line: hit.line, text: hit.text, match: true, hit });
  }
  const lines = [...byLine.keys()].sort((a, b) => a - b);
  const text = [file.path];
  for (const n of lines) {
    const shown = byLine.get(n)!;
    if (!shown.match) {
      text.push(cap(`${n}-${shown.text}`));
      continue;
    }
    const column = shown.hit?.column !== undefined ? `${shown.hit.column}:` : '';
    text.push(cap(`${n}:${column}${shown.text}`));
    if (shown.hit?.extra) text.push(cap(`  ↳ ${JSON.stringify(shown.hit.extra)}`));
  }
  return { text, lines };
}

/** Matches the tool gave no line number (GitHub's text fragments): under the path, as printed, `--` between. */
function fragmentLines(file: FileHits, cap: Cap): { text: string[]; lines: number[] } {
  const text = [file.path];
  for (const [i, hit] of file.kept.entries()) {
    if (i > 0) text.push('--');
    text.push(cap(hit.text), ...hit.after.map((l) => cap(l.text)));
  }
  return { text, lines: file.kept.map((h) => h.line) };
}

/** The hits of a file not shown, by symbol with their line numbers: `IllegalArgumentException at 385, 498; …`. */
function moreLine(
  rest: readonly SearchHit[],
  symbols: readonly string[],
  path: string | undefined,
): string {
  const bySymbol = new Map<string, number[]>();
  for (const hit of rest.slice(0, MAX_LISTED_LINES)) {
    const symbol = symbols[hit.index] ?? '';
    const lines = bySymbol.get(symbol);
    if (lines) lines.push(hit.line);
    else bySymbol.set(symbol, [hit.line]);
  }
  const groups = [...bySymbol].map(
    ([symbol, lines]) => `${symbol ? `${symbol} at` : 'lines'} ${lines.join(', ')}`,
  );
  const listed = `${groups.join('; ')}${rest.length > MAX_LISTED_LINES ? '; …' : ''}`;
  const where = path === undefined ? '' : ` in ${path}`;
  return `[… ${rest.length} more ${rest.length === 1 ? 'match' : 'matches'}${where}: ${listed}]`;
}

/** One line per directory naming the dropped files in it with their match counts. */
function namedFiles(dropped: readonly FileHits[]): string[] {
  if (dropped.length === 0) return [];
  const byDir = byDirectory(
    dropped.slice(0, MAX_NAMED_FILES),
    (file) => file.path,
    (file, base) => `${base} (${file.hits.length})`,
  );
  const lines = [
    `[${dropped.length} more ${dropped.length === 1 ? 'file' : 'files'} with matches, not shown:]`,
  ];
  for (const [dir, files] of byDir) lines.push(`[${dir}: ${files.join(', ')}]`);
  const rest = dropped.length - MAX_NAMED_FILES;
  if (rest > 0) lines.push(`[… and ${rest} more files]`);
  return lines;
}
