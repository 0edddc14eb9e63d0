import { formatMarker } from '../../ccr/marker.js';
import { queryTerms } from '../../relevance/bm25.js';
import { isListedFile } from '../../router/detectors/search.js';
import type { CompressorContext, CompressorOutput } from '../../types.js';
import { byDirectory } from './by-directory.js';
import { pathSegments } from './score-hits.js';

/** Files named one by one (past this many, only those the query names; the rest counted per directory). */
const MAX_NAMED = 200;
/** Share of non-blank lines that may be other than paths; one may always be (a tool's `Found 12 files` header). */
const MAX_NOTE_SHARE = 0.1;
const COUNT = /:(\d+)$/;

/** A file a search matched, with its match count when the tool printed one (`rg -c`: `path:12`). */
export interface ListedFile {
  path: string;
  count?: number;
}

/** The files of `rg -l` / `grep -l` / `rg -c` output, and its other lines; `undefined` when it is not one. */
export function parseFileList(text: string): { files: ListedFile[]; notes: string[] } | undefined {
  const files: ListedFile[] = [];
  const notes: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '') continue;
    if (!isListedFile(line)) {
      notes.push(raw);
      continue;
    }
    const count = COUNT.exec(line);
    files.push(
      count ? { path: line.slice(0, count.index), count: Number(count[1]) } : { path: line },
    );
  }
  if (
    files.length < 2 ||
    notes.length > Math.max(1, (files.length + notes.length) * MAX_NOTE_SHARE)
  )
    return undefined;
  return { files, notes };
}

/**
 * A file list as one line per directory (`lib/commands/: config.js (3), view.js (2)`), directories in
 * the order they first appear. Past [200] files, only those whose path holds a word of the query are
 * named, the rest counted per directory; so are files with no match (`grep -c` prints every file it
 * read). The original goes to CCR.
 */
export function compressFileList(
  text: string,
  list: { files: ListedFile[]; notes: string[] },
  ctx: CompressorContext,
): CompressorOutput {
  const terms = new Set(queryTerms(ctx.query).filter((t) => t.length >= 3));
  const asked = (file: ListedFile): boolean =>
    terms.size > 0 && pathSegments(file.path).some((s) => terms.has(s));
  const matched = list.files.filter((file) => file.count !== 0);
  const named = new Set(matched.filter((file, i) => i < MAX_NAMED || asked(file)));
  const unnamed = matched.filter((file) => !named.has(file));
  const empty = list.files.filter((file) => file.count === 0);
  const out = [...list.notes];
  const groups = byDirectory(
    [...named],
    (file) => file.path,
    (file, base) => (file.count === undefined ? base : `${base} (${file.count})`),
  );
  for (const [dir, files] of groups) out.push(`${dir}: ${files.join(', ')}`);
  if (unnamed.length > 0)
    out.push(`[… ${unnamed.length} more files, by directory: ${perDirectory(unnamed)}]`);
  if (empty.length > 0)
    out.push(`[${empty.length} files with no match, by directory: ${perDirectory(empty)}]`);
  const key = ctx.stash(text, { kind: 'search', count: list.files.length });
  const hidden = unnamed.length + empty.length;
  out.push(
    formatMarker(
      key,
      hidden > 0
        ? `${hidden} of ${list.files.length} files not named; a query returns the matching ones`
        : `all ${list.files.length} files named, grouped by directory`,
    ),
  );
  return { text: out.join('\n'), strategy: 'search:file_list' };
}

/** `lib/ (12), lib/cli/ (3)`: how many of the files each directory holds. */
function perDirectory(files: readonly ListedFile[]): string {
  const groups = byDirectory(
    files,
    (file) => file.path,
    () => '',
  );
  return [...groups].map(([dir, names]) => `${dir} (${names.length})`).join(', ');
}
