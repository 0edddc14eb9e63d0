import { formatMarker } from '../../ccr/marker.js';
import type { CompressorContext, CompressorOutput } from '../../types.js';
import { parseJsonSafe } from '../../util/parse-json-safe.js';
import { stripAnsi } from '../../util/strip-ansi.js';
import { grepHits } from './grep-hits.js';
import { hitSymbols } from './hit-symbols.js';
import { findJsonHits, type JsonSearch } from './json-hits.js';
import { jsonLinesSearch } from './json-lines-hits.js';
import { compressFileList, parseFileList } from './file-list.js';
import { parseSearch, type ParsedSearch, type SearchLine } from './parse-search.js';
import { renderHits } from './render-hits.js';
import { scoreHits } from './score-hits.js';
import { DEFAULT_SEARCH_OPTIONS, type SearchOptions } from './search-options.js';
import { selectHits, type HitSelection } from './select-hits.js';
import type { SearchHit } from './search-hit.js';

/** Below this share of parsed lines the text is not search output and passes through. */
const MIN_PARSED = 0.6;
/** Lines that are not matches shown (a header, grep's binary-file notices); past this many, counted. */
const MAX_NOTES = 5;

/**
 * Search-result compressor, for grep/ripgrep output and JSON code-search results alike: both
 * become the same hits, the query picks the relevant ones (BM25 plus identifiers, anchors and file
 * names it mentions), every file shown keeps one representative, and the rest are listed per file
 * by line number; the original goes to CCR, where a query brings back the hits it matches.
 * JSON that holds no hit array passes through (`createSearchCompressor` can hand it to a JSON compressor).
 * Ranking weights and budgets are `options` ({@link SearchOptions}).
 */
export function compressSearch(
  text: string,
  ctx: CompressorContext,
  options: SearchOptions = DEFAULT_SEARCH_OPTIONS,
): CompressorOutput {
  const run: SearchRun = { ctx, options };
  if (looksLikeJson(text)) {
    const found = findJsonHits(parseJsonSafe(text));
    if (found) return compressJsonHits(text, found, run);
    const lines = jsonLinesSearch(text);
    if (lines)
      return compressLines(
        text,
        { lines, notes: [] },
        { ...run, strategy: 'search:json_lines', rewrite: true },
      );
  }
  // Colour codes (`rg --color=always`) are part of no path or line; the stored original keeps them.
  const plain = stripAnsi(text);
  const parsed = parseSearch(plain);
  if (!parsed.lines.some((l) => l.match)) {
    const list = parseFileList(plain);
    return list ? compressFileList(text, list, ctx) : { text };
  }
  if (parsed.lines.length < (parsed.lines.length + parsed.notes.length) * MIN_PARSED)
    return { text };
  return compressLines(text, parsed, {
    ...run,
    strategy: 'search:query_hits',
    rewrite: plain !== text,
  });
}

/** What one call works with: where originals are stored and the query, and the ranking options. */
interface SearchRun {
  ctx: CompressorContext;
  options: SearchOptions;
}

/** The hits to show: scored against the query, then selected by score and group. */
function select(
  hits: readonly SearchHit[],
  symbols: readonly string[],
  { ctx, options }: SearchRun,
): HitSelection {
  return selectHits(hits, { scores: scoreHits(hits, ctx.query, options), symbols }, options);
}

/**
 * Search lines (grep's, or JSON lines turned into them) through selection and rendering. Output that
 * loses nothing passes through unless `rewrite` (JSON lines, printed as `rg --heading` does; colour
 * codes dropped).
 */
function compressLines(
  text: string,
  { lines, notes }: ParsedSearch,
  run: SearchRun & { strategy: string; rewrite: boolean },
): CompressorOutput {
  const { ctx, strategy, rewrite } = run;
  const matchCount = lines.filter((l) => l.match).length;
  if (matchCount === 0) return { text };
  const unique = dedupe(lines);
  const duplicates = lines.length - unique.length;
  const hits = grepHits(unique);
  const symbols = hitSymbols(hits);
  const selection = select(hits, symbols, run);
  const rendered = renderHits(selection, symbols);
  if (!rewrite && duplicates === 0 && rendered.shown === hits.length && !rendered.cut)
    return { text };
  // What the tool said besides its hits (`Found 37 matches`, `Binary file x matches`) comes first.
  const out = [...notes.slice(0, MAX_NOTES), ...rendered.lines];
  if (notes.length > MAX_NOTES)
    out.splice(MAX_NOTES, 0, `[… ${notes.length - MAX_NOTES} more lines that are not matches]`);
  const key = ctx.stash(text, { kind: 'search', count: matchCount });
  out.push(
    formatMarker(
      key,
      note({
        dropped: hits.length - rendered.shown,
        total: hits.length,
        duplicates,
        cut: rendered.cut,
      }),
    ),
  );
  return { text: out.join('\n'), strategy };
}

function compressJsonHits(text: string, found: JsonSearch, run: SearchRun): CompressorOutput {
  const { ctx } = run;
  const symbols = hitSymbols(found.hits);
  const selection = select(found.hits, symbols, run);
  const rendered = renderHits(selection, symbols);
  const out = [...envelope(found), ...rendered.lines];
  const key = ctx.stash(text, { kind: 'search', count: found.hits.length });
  out.push(
    formatMarker(
      key,
      note({
        dropped: found.hits.length - rendered.shown,
        total: found.hits.length,
        duplicates: 0,
        cut: rendered.cut,
      }),
    ),
  );
  return { text: out.join('\n'), strategy: 'search:json_hits' };
}

/** The document around the hit array, then the fields every hit shares. */
function envelope(found: JsonSearch): string[] {
  const lines = found.envelope ? [found.envelope] : [];
  if (Object.keys(found.shared).length > 0)
    lines.push(`every hit: ${JSON.stringify(found.shared)}`);
  return lines;
}

function note(counts: {
  dropped: number;
  total: number;
  duplicates: number;
  cut: boolean;
}): string {
  const { dropped, total, duplicates, cut } = counts;
  const parts = [
    dropped > 0
      ? `${dropped} of ${total} matches not shown; a query returns the matching ones`
      : `all ${total} matches shown`,
    duplicates > 0 ? `${duplicates} duplicate ${duplicates === 1 ? 'line' : 'lines'} removed` : '',
    cut ? 'long lines cut' : '',
  ];
  return parts.filter(Boolean).join(', ');
}

/** Drops repeated lines (same file, line number and text), keeping the first. */
function dedupe(lines: readonly SearchLine[]): SearchLine[] {
  const seen = new Set<string>();
  return lines.filter((l) => {
    const key = `${l.path}\u0000${l.line}\u0000${l.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Whether the text opens like a JSON document (the cheap test before parsing it). */
export function looksLikeJson(text: string): boolean {
  const trimmed = text.trimStart();
  return trimmed.startsWith('{') || trimmed.startsWith('[');
}
