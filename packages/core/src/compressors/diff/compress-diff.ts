import { formatMarker } from '../../ccr/marker.js';
import { bm25Scores } from '../../relevance/bm25.js';
import type { CompressorContext, CompressorOutput } from '../../types.js';
import { bulkKind } from './file-kind.js';
import { parseDiff, type DiffFile, type Hunk } from './parse-diff.js';
import { hunkStat, isWhitespaceOnly, trimHunk } from './trim-hunk.js';

/** Diffs shorter than this pass through. */
const MIN_LINES = 50;
const CONTEXT_LINES = 2;
const MAX_HUNKS_PER_FILE = 10;
const MAX_FILES = 20;
/** A hunk that only adds more lines than this (a new file, a pasted block) shows its first ADDITION_HEAD lines. */
const LARGE_ADDITION = 60;
const ADDITION_HEAD = 20;
/** Header lines that only carry blob hashes. */
const INDEX_LINE = /^index [0-9a-f]+\.\.[0-9a-f]+/;

interface Omitted {
  context: number;
  /** Added lines of large pure additions not shown. */
  added: number;
  hunks: number;
  files: number;
  lines: number;
}

/**
 * Diff compressor: file and hunk headers and every added/removed line stay, context shrinks to two
 * lines (hunks re-split with correct headers), lockfiles, generated, vendored and minified files and
 * whitespace-only hunks become one summary line each, and the smallest files and hunks past the caps
 * are named in one line each. The original goes to CCR.
 */
export function compressDiff(text: string, ctx: CompressorContext): CompressorOutput {
  if (text.split('\n', MIN_LINES).length < MIN_LINES) return { text };
  const diff = parseDiff(text);
  if (diff.files.length === 0) return { text };

  const omitted: Omitted = { context: 0, added: 0, hunks: 0, files: 0, lines: 0 };
  const keptFiles = pickByChange(
    diff.files,
    MAX_FILES,
    ctx.query,
    (file) => file.hunks,
    (file) => bulkKind(file) !== undefined,
  );
  const out = [...diff.preamble];
  for (const [index, file] of diff.files.entries()) {
    const stat = fileStat(file);
    const bulk = bulkKind(file);
    if (bulk || !keptFiles.has(index)) {
      const what = bulk ? `${bulk}, ` : 'cut: ';
      out.push(
        `[${file.path} — ${what}+${stat.added} -${stat.deleted} lines in ${plural(file.hunks.length, 'hunk')} omitted]`,
      );
      omitted.files++;
      omitted.lines += stat.lines;
    } else {
      out.push(...renderFile(file, ctx.query, omitted));
    }
    out.push(...file.trailer);
  }
  const emitted = out.join('\n');
  if (
    omitted.context + omitted.added + omitted.hunks + omitted.files === 0 &&
    emitted.length >= text.length
  )
    return { text };

  const key = ctx.stash(text, { kind: 'diff', count: diff.files.length });
  const parts = [
    omitted.context > 0 ? `${omitted.context} context lines` : '',
    omitted.added > 0 ? `${omitted.added} lines of large additions` : '',
    omitted.hunks > 0 ? plural(omitted.hunks, 'hunk') : '',
    omitted.files > 0 ? plural(omitted.files, 'file') : '',
  ].filter(Boolean);
  const note = `${parts.length > 0 ? parts.join(', ') : 'index lines'} omitted from ${plural(diff.files.length, 'file')}`;
  return { text: `${emitted}\n${formatMarker(key, note)}`, strategy: 'diff:trim' };
}

function renderFile(file: DiffFile, query: string, omitted: Omitted): string[] {
  const out = file.header.filter((line) => !INDEX_LINE.test(line));
  const kept = pickByChange(
    file.hunks,
    MAX_HUNKS_PER_FILE,
    query,
    (hunk) => [hunk],
    () => false,
  );
  const cut: string[] = [];
  for (const [index, hunk] of file.hunks.entries()) {
    const { added, deleted } = hunkStat(hunk);
    if (!kept.has(index)) {
      cut.push(`${hunkPosition(hunk)} (+${added} -${deleted})`);
      omitted.hunks++;
      omitted.lines += hunk.lines.length;
    } else if (isWhitespaceOnly(hunk)) {
      out.push(`${hunk.header} [whitespace-only change: +${added} -${deleted} lines omitted]`);
      omitted.hunks++;
      omitted.lines += hunk.lines.length;
    } else if (!hunk.combined && added > LARGE_ADDITION && added === hunk.lines.length) {
      // A new file or pasted block: its start says what it is; the rest is in the stored original. The
      // header is rewritten to the lines shown, so the hunk still applies.
      const rest = added - ADDITION_HEAD;
      out.push(
        `@@ -${hunk.oldStart},0 +${hunk.newStart},${ADDITION_HEAD} @@`,
        ...hunk.lines.slice(0, ADDITION_HEAD),
        `[… ${rest} more added lines of ${file.path} omitted]`,
      );
      omitted.added += rest;
      omitted.lines += rest;
    } else {
      const trimmed = trimHunk(hunk, CONTEXT_LINES);
      out.push(...trimmed.lines);
      omitted.context += trimmed.dropped;
      omitted.lines += trimmed.dropped;
    }
  }
  if (cut.length > 0)
    out.push(`[${plural(cut.length, 'smaller hunk')} of ${file.path} cut: ${cut.join(', ')}]`);
  return out;
}

/**
 * Indices of the items to keep when there are more than `max`: the biggest changes, with the ones
 * the query is about ranked up with them; `exempt` items never count against the cap. Ties by index.
 */
function pickByChange<T>(
  items: readonly T[],
  max: number,
  query: string,
  hunksOf: (item: T) => Hunk[],
  exempt: (item: T) => boolean,
): Set<number> {
  const candidates = [...items.keys()].filter((i) => !exempt(items[i] as T));
  if (candidates.length <= max) return new Set(candidates);
  const sizes = candidates.map((i) =>
    hunksOf(items[i] as T).reduce((sum, h) => sum + hunkStat(h).added + hunkStat(h).deleted, 0),
  );
  const relevance = bm25Scores(
    candidates.map((i) =>
      hunksOf(items[i] as T)
        .map((h) => h.lines.join('\n'))
        .join('\n'),
    ),
    query,
  );
  const biggest = Math.max(1, ...sizes);
  return new Set(
    candidates
      .map((index, k) => ({
        index,
        score: (sizes[k] as number) / biggest + (relevance[k] as number),
      }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, max)
      .map((c) => c.index),
  );
}

function fileStat(file: DiffFile): { added: number; deleted: number; lines: number } {
  let added = 0;
  let deleted = 0;
  let lines = file.header.length;
  for (const hunk of file.hunks) {
    const stat = hunkStat(hunk);
    added += stat.added;
    deleted += stat.deleted;
    lines += hunk.lines.length + 1;
  }
  return { added, deleted, lines };
}

function hunkPosition(hunk: Hunk): string {
  return hunk.combined ? hunk.header : `@@ -${hunk.oldStart} +${hunk.newStart} @@`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
