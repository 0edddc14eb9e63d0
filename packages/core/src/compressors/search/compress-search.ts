import { formatMarker } from '../../ccr/marker.js';
import { bm25Scores } from '../../relevance/bm25.js';
import type { CompressorContext, CompressorOutput } from '../../types.js';
import { parseSearch, type SearchLine } from './parse-search.js';

const MAX_PER_FILE = 5;
const MAX_FILES = 15;
/** Context lines kept on each side of a kept match (grep -C gives more). */
const CONTEXT = 2;
/** Dropped files named one by one (past this many, only counted). */
const MAX_NAMED_FILES = 200;
/** Below this share of parsed lines the text is not search output and passes through. */
const MIN_PARSED = 0.6;

const ERROR_WORDS =
  /\b(?:error|errors|exception|fail(?:ed|ure|s)?|fatal|panic|raise[sd]?|throws?|todo|fixme|bug|deprecated)\b/i;
const DEFINITION =
  /^\s*(?:export\s+)?(?:default\s+)?(?:pub(?:\(\w+\))?\s+)?(?:async\s+)?(?:def|class|function|func|fn|interface|type|struct|enum|trait|impl|module)\s/;

interface FileGroup {
  path: string;
  matches: SearchLine[];
  context: SearchLine[];
  score: number;
}

/**
 * Search-result compressor: duplicates removed, matches grouped by file, the best [5] per file kept
 * (first and last included) by BM25 against the query plus error and definition words, the best
 * [15] files kept in their original order, each line verbatim. Cut matches and files are named.
 */
export function compressSearch(text: string, ctx: CompressorContext): CompressorOutput {
  const parsed = parseSearch(text);
  const matchCount = parsed.lines.filter((l) => l.match).length;
  if (
    matchCount === 0 ||
    parsed.lines.length < (parsed.lines.length + parsed.unparsed) * MIN_PARSED
  )
    return { text };

  const unique = dedupe(parsed.lines);
  const duplicates = parsed.lines.length - unique.length;
  const matches = unique.filter((l) => l.match);
  const relevance = bm25Scores(
    matches.map((m) => `${m.path} ${m.text}`),
    ctx.query,
  );
  const scores = new Map<SearchLine, number>();
  for (const [i, m] of matches.entries()) {
    scores.set(
      m,
      (relevance[i] as number) +
        (ERROR_WORDS.test(m.text) ? 0.3 : 0) +
        (DEFINITION.test(m.text) ? 0.3 : 0),
    );
  }
  const groups = groupByFile(unique, scores);
  const keptFiles = pickFiles(groups);
  if (
    duplicates === 0 &&
    keptFiles.size === groups.length &&
    groups.every((g) => g.matches.length <= MAX_PER_FILE)
  ) {
    return { text };
  }

  const out: string[] = [];
  let droppedMatches = 0;
  for (const group of groups) {
    if (!keptFiles.has(group)) continue;
    const kept = pickMatches(group.matches, scores);
    const keptLines = new Set(kept.map((m) => m.line));
    const near = (line: number): boolean => kept.some((m) => Math.abs(m.line - line) <= CONTEXT);
    const shown = [
      ...kept,
      ...group.context.filter((c) => near(c.line) && !keptLines.has(c.line)),
    ].sort((a, b) => a.index - b.index);
    out.push(...shown.map((l) => l.raw));
    const cut = group.matches.length - kept.length;
    if (cut > 0) {
      droppedMatches += cut;
      out.push(`[… ${cut} more ${cut === 1 ? 'match' : 'matches'} in ${group.path}]`);
    }
  }
  const droppedFiles = groups.filter((g) => !keptFiles.has(g));
  out.push(...namedFiles(droppedFiles));
  droppedMatches += droppedFiles.reduce((sum, g) => sum + g.matches.length, 0);

  const key = ctx.stash(text, { kind: 'search', count: matchCount });
  const parts = [
    droppedMatches > 0 ? `${droppedMatches} of ${matchCount} matches omitted` : '',
    duplicates > 0 ? `${duplicates} duplicate ${duplicates === 1 ? 'line' : 'lines'} removed` : '',
  ].filter(Boolean);
  out.push(formatMarker(key, parts.join(', ')));
  return { text: out.join('\n'), strategy: 'search:top_matches' };
}

/** One line per directory naming the dropped files in it with their match counts. */
function namedFiles(dropped: readonly FileGroup[]): string[] {
  if (dropped.length === 0) return [];
  const byDir = new Map<string, string[]>();
  for (const group of dropped.slice(0, MAX_NAMED_FILES)) {
    const cut = Math.max(group.path.lastIndexOf('/'), group.path.lastIndexOf('\\')) + 1;
    const dir = group.path.slice(0, cut);
    byDir.set(dir, [
      ...(byDir.get(dir) ?? []),
      `${group.path.slice(cut)} (${group.matches.length})`,
    ]);
  }
  const lines = [
    `[${dropped.length} more ${dropped.length === 1 ? 'file' : 'files'} with matches, not shown:]`,
  ];
  for (const [dir, files] of byDir) lines.push(`[${dir || './'}: ${files.join(', ')}]`);
  const rest = dropped.length - MAX_NAMED_FILES;
  if (rest > 0) lines.push(`[… and ${rest} more files]`);
  return lines;
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

function groupByFile(
  lines: readonly SearchLine[],
  scores: ReadonlyMap<SearchLine, number>,
): FileGroup[] {
  const byPath = new Map<string, FileGroup>();
  for (const line of lines) {
    let group = byPath.get(line.path);
    if (!group)
      byPath.set(line.path, (group = { path: line.path, matches: [], context: [], score: 0 }));
    (line.match ? group.matches : group.context).push(line);
  }
  const groups = [...byPath.values()].filter((g) => g.matches.length > 0);
  const most = Math.max(1, ...groups.map((g) => g.matches.length));
  for (const group of groups) {
    const best = Math.max(0, ...group.matches.map((m) => scores.get(m) ?? 0));
    group.score = best + (0.5 * Math.log2(1 + group.matches.length)) / Math.log2(1 + most);
  }
  return groups;
}

/** The best-scoring files (ties: earlier first), returned as a set so output keeps the original order. */
function pickFiles(groups: readonly FileGroup[]): Set<FileGroup> {
  if (groups.length <= MAX_FILES) return new Set(groups);
  const ranked = groups
    .map((group, index) => ({ group, index }))
    .sort((a, b) => b.group.score - a.group.score || a.index - b.index);
  return new Set(ranked.slice(0, MAX_FILES).map((r) => r.group));
}

/** First and last match, then the best others, preferring wording not already shown; original order. */
function pickMatches(
  matches: readonly SearchLine[],
  scores: ReadonlyMap<SearchLine, number>,
): SearchLine[] {
  if (matches.length <= MAX_PER_FILE) return [...matches];
  const kept = new Set<SearchLine>([
    matches[0] as SearchLine,
    matches[matches.length - 1] as SearchLine,
  ]);
  const ranked = matches
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (scores.get(b.m) ?? 0) - (scores.get(a.m) ?? 0) || a.i - b.i)
    .map((r) => r.m);
  const texts = new Set([...kept].map((m) => m.text.trim()));
  for (const pass of [true, false]) {
    for (const m of ranked) {
      if (kept.size >= MAX_PER_FILE) break;
      if (kept.has(m) || (pass && texts.has(m.text.trim()))) continue;
      kept.add(m);
      texts.add(m.text.trim());
    }
  }
  return [...kept].sort((a, b) => a.index - b.index);
}
