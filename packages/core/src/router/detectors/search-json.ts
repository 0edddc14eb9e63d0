import { LINE_KEYS, MATCH_LIST_KEYS, PATH_KEYS, TEXT_KEYS } from './search-keys.js';

const PATH = new Set(PATH_KEYS);
const LINE = new Set(LINE_KEYS);
// `line` names a text only beside a line number (Sourcegraph's stream); counted as a line number here.
const TEXT = new Set(TEXT_KEYS.filter((key) => !LINE.has(key)));
const MATCH_LIST = new Set(MATCH_LIST_KEYS);
const KEY = /"([A-Za-z_]{1,20})"\s*:/g;
const PREFIX_CHARS = 64 * 1024;
const MIN_HITS = 2;

/**
 * How sure we are that a JSON document is a list of code-search hits: in its first 64 KB, keys
 * for a path, a line number and a text each occur on several objects, about as often as each other;
 * or file results with a path each carry a list of matches (`lineMatches`, `text_matches`). Each kind
 * counts its most frequent key name, so a hit with both `path` and `filename` (GitLab) is one path.
 * Only the key names are read; the search compressor checks the structure and hands anything else
 * to the JSON compressor.
 */
export function searchJsonConfidence(text: string): number {
  const head = text.length > PREFIX_CHARS ? text.slice(0, PREFIX_CHARS) : text;
  const counts = new Map<string, number>();
  for (const match of head.matchAll(KEY)) {
    const key = match[1]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const most = (keys: ReadonlySet<string>): number =>
    Math.max(0, ...[...keys].map((key) => counts.get(key) ?? 0));
  const paths = most(PATH);
  const lists = most(MATCH_LIST);
  // Every file result holds its matches: Sourcegraph, GitHub code search with text matches.
  if (paths >= MIN_HITS && lists >= paths * 0.8 && lists <= paths) return 0.8;
  const lines = most(LINE);
  const texts = most(TEXT);
  if (Math.min(paths, lines, texts) < MIN_HITS) return 0;
  // One path per line number and text: a hit list, not a file list that happens to carry a line.
  return Math.min(paths, lines) >= Math.max(paths, lines) * 0.8 && texts >= lines * 0.8 ? 0.8 : 0;
}
