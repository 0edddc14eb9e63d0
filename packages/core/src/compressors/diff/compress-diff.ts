import { formatMarker } from '../../ccr/marker.js';
import { bm25Scores } from '../../relevance/bm25.js';
import { fileKind } from '../../router/file-kind.js';
import type { Compressor, CompressorContext, CompressorOutput } from '../../types.js';
import { codeCompressor } from '../code/code-compressor.js';
import { compactCommitHeaders } from './commit-header.js';
import { compressCommitLog } from './commit-log.js';
import { DEFAULT_DIFF_OPTIONS, type DiffOptions } from './diff-options.js';
import { bulkKind } from './file-kind.js';
import { outlineView } from './outline-view.js';
import { parseDiff, type DiffFile, type Hunk } from './parse-diff.js';
import { hunkStat, isWhitespaceOnly, trimHunk } from './trim-hunk.js';

const isDeletedFile = (line: string): boolean => line.startsWith('deleted file mode');
/** Header lines that only carry blob hashes. */
const INDEX_LINE = /^index [0-9a-f]+\.\.[0-9a-f]+/;

/** What one call works with: its budget, how code is outlined, and what it has left out and shown so far. */
interface DiffRun {
  options: DiffOptions;
  outline: Compressor;
  omitted: Omitted;
  /** Added text already shown, by content: a second copy (a UMD build of the same types) names the first. */
  seen: Map<string, string>;
}

interface Omitted {
  /** Commit headers shortened to hash, author, date and subject. */
  commits: number;
  context: number;
  /** Added lines of large pure additions not shown. */
  added: number;
  /** Lines of deleted files not shown. */
  removed: number;
  hunks: number;
  files: number;
  lines: number;
}

/**
 * Diff compressor: file and hunk headers and every added/removed line stay, context shrinks to two
 * lines (hunks re-split with correct headers), lockfiles, generated, vendored and minified files and
 * whitespace-only hunks become one summary line each, and the smallest files and hunks past the caps
 * are named in one line each. `git log -p`/`git show` commit headers shrink to hash, author, date and
 * subject; a new file of code shows its outline (made by `outline`, the code compressor by default),
 * other large additions their first lines; a large deleted file is one line. The original goes to CCR.
 * The numbers are `options` ({@link DiffOptions}).
 */
export async function compressDiff(
  text: string,
  ctx: CompressorContext,
  {
    options = DEFAULT_DIFF_OPTIONS,
    outline = codeCompressor.compress,
  }: { options?: DiffOptions; outline?: Compressor } = {},
): Promise<CompressorOutput> {
  if (text.split('\n', options.minLines).length < options.minLines) return { text };
  const diff = parseDiff(text);
  if (diff.files.length === 0) return compressCommitLog(text, ctx);

  const omitted: Omitted = {
    commits: 0,
    context: 0,
    added: 0,
    removed: 0,
    hunks: 0,
    files: 0,
    lines: 0,
  };
  const keptFiles = pickByChange(
    diff.files,
    options.maxFiles,
    ctx.query,
    (file) => file.hunks,
    (file) => bulkKind(file) !== undefined,
  );
  const commitText = (lines: readonly string[]): string[] => {
    const compact = compactCommitHeaders(lines);
    omitted.commits += compact.commits;
    return compact.lines;
  };
  const out = commitText(diff.preamble);
  const run: DiffRun = { options, outline, omitted, seen: new Map() };
  for (const [index, file] of diff.files.entries()) {
    ctx.signal?.throwIfAborted();
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
      out.push(...(await renderFile(file, ctx, run)));
    }
    out.push(...commitText(file.trailer));
  }
  const emitted = out.join('\n');
  if (
    omitted.commits +
      omitted.context +
      omitted.added +
      omitted.removed +
      omitted.hunks +
      omitted.files ===
      0 &&
    emitted.length >= text.length
  )
    return { text };
  if (emitted.length >= text.length) return { text };

  const key = ctx.stash(text, { kind: 'diff', count: diff.files.length });
  const parts = [
    omitted.commits > 0 ? `full commit messages of ${plural(omitted.commits, 'commit')}` : '',
    omitted.context > 0 ? `${omitted.context} context lines` : '',
    omitted.added > 0 ? `${omitted.added} lines of large additions` : '',
    omitted.removed > 0 ? `${omitted.removed} lines of deleted files` : '',
    omitted.hunks > 0 ? plural(omitted.hunks, 'hunk') : '',
    omitted.files > 0 ? plural(omitted.files, 'file') : '',
  ].filter(Boolean);
  const note = `${parts.length > 0 ? parts.join(', ') : 'index lines'} omitted from ${plural(diff.files.length, 'file')}`;
  return { text: `${emitted}\n${formatMarker(key, note)}`, strategy: 'diff:trim' };
}

async function renderFile(file: DiffFile, ctx: CompressorContext, run: DiffRun): Promise<string[]> {
  const { options, omitted } = run;
  const out = file.header.filter((line) => !INDEX_LINE.test(line));
  const kept = pickByChange(
    file.hunks,
    options.maxHunksPerFile,
    ctx.query,
    (hunk) => [hunk],
    () => false,
  );
  const cut: string[] = [];
  for (const [index, hunk] of file.hunks.entries()) {
    ctx.signal?.throwIfAborted();
    const { added, deleted } = hunkStat(hunk);
    if (!kept.has(index)) {
      cut.push(`${hunkPosition(hunk)} (+${added} -${deleted})`);
      omitted.hunks++;
      omitted.lines += hunk.lines.length;
    } else if (isWhitespaceOnly(hunk)) {
      out.push(`${hunk.header} [whitespace-only change: +${added} -${deleted} lines omitted]`);
      omitted.hunks++;
      omitted.lines += hunk.lines.length;
    } else if (isLargeAddition(hunk, { added, deleted }, options)) {
      out.push(...(await largeAddition(file, hunk, ctx, run)));
    } else if (deleted > options.largeAddition && added === 0 && file.header.some(isDeletedFile)) {
      // A deleted file: what it held is in the old tree (and the stored original), not news.
      out.push(`${hunk.header} [the ${deleted} lines of the deleted file omitted]`);
      omitted.removed += deleted;
      omitted.lines += deleted;
    } else {
      const trimmed = trimHunk(hunk, options.contextLines);
      out.push(...trimmed.lines);
      omitted.context += trimmed.dropped;
      omitted.lines += trimmed.dropped;
    }
  }
  if (cut.length > 0)
    out.push(`[${plural(cut.length, 'smaller hunk')} of ${file.path} cut: ${cut.join(', ')}]`);
  return out;
}

/** Adds many lines, and replaces none or a few, without context lines in between: new or rewritten text. */
function isLargeAddition(
  hunk: Hunk,
  { added, deleted }: { added: number; deleted: number },
  options: DiffOptions,
): boolean {
  return (
    !hunk.combined &&
    added > options.largeAddition &&
    deleted <= Math.max(options.replacedLines, added * options.replacedShare) &&
    added + deleted === hunk.lines.filter((line) => line[0] !== '\\').length
  );
}

/**
 * A large addition (a new file, a pasted block, a file rewritten from one line). The lines it
 * replaces stay. Code shows its outline: declarations and signatures with bodies collapsed, the
 * added text stored on its own so a function comes back by name. Anything else shows its first
 * lines. The header counts the lines shown, so the diff still parses; the rest is in the stored original.
 */
async function largeAddition(
  file: DiffFile,
  hunk: Hunk,
  ctx: CompressorContext,
  { options, outline, omitted, seen }: DiffRun,
): Promise<string[]> {
  const removed = hunk.lines.filter((line) => line[0] === '-');
  const addedLines = hunk.lines.filter((line) => line[0] === '+');
  const added = addedLines.length;
  const source = addedLines.map((line) => line.slice(1)).join('\n');
  const range = (shown: number) =>
    `@@ -${hunk.oldStart},${removed.length} +${hunk.newStart},${shown} @@`;
  const copy = seen.get(source);
  if (copy !== undefined) {
    omitted.added += added;
    omitted.lines += added;
    return [
      range(0),
      ...removed,
      `[+${added} added lines omitted: the same text as ${copy} above]`,
    ];
  }
  seen.set(source, file.path);
  const language = fileKind(file.path)?.language;
  if (language) {
    let view: string | undefined;
    try {
      view = (await outline(source, { ...ctx, language, fileName: file.path })).text;
    } catch {
      view = undefined; // no grammar here (an edge runtime without one): the first lines instead
    }
    if (view !== undefined && view.length < source.length) {
      const lines = view.split('\n');
      const { lines: shown, indent } = outlineView(lines, options.outlineLines);
      omitted.added += Math.max(0, added - shown.length);
      omitted.lines += Math.max(0, added - shown.length);
      return [
        `${range(shown.length)} outline of the ${added} added lines, bodies collapsed`,
        ...removed,
        ...shown.map((line) => `+${line}`),
        ...(indent === undefined
          ? []
          : [
              `[outline of ${file.path} cut to its ${shown.length} least indented lines of ${lines.length}; a query naming a definition retrieves it]`,
            ]),
      ];
    }
  }
  const head = Math.min(options.additionHead, added);
  const rest = added - head;
  omitted.added += rest;
  omitted.lines += rest;
  return [
    range(head),
    ...removed,
    ...addedLines.slice(0, head),
    `[… ${rest} more added lines of ${file.path} omitted]`,
  ];
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
