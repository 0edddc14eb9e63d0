// Field names code-search tools use for a hit's parts (GitHub, Sourcegraph, ripgrep --json, MCP servers):
// the router's JSON search detector counts them, the search compressor's hit finder reads them.
export const PATH_KEYS: readonly string[] = [
  'path',
  'file',
  'file_path',
  'filePath',
  'filename',
  'fileName',
  'uri',
];
export const LINE_KEYS: readonly string[] = [
  'line',
  'line_number',
  'lineNumber',
  'lineno',
  'line_no',
  'start_line',
  'startLine',
  // GitLab's blob search.
  'startline',
  // Sourcegraph's chunk matches: `{line, column, offset}`.
  'contentStart',
];
export const TEXT_KEYS: readonly string[] = [
  'match',
  'text',
  'content',
  'line_text',
  'lineText',
  'lines',
  'snippet',
  'preview',
  'code',
  // GitHub's text matches, Sourcegraph's stream line matches (`line` with a `lineNumber`), GitLab's blobs.
  'fragment',
  'line',
  'data',
];
/** A file's list of matches: the hits of one file result (Sourcegraph, GitHub with text matches). */
export const MATCH_LIST_KEYS: readonly string[] = [
  'lineMatches',
  'line_matches',
  'chunkMatches',
  'chunk_matches',
  'text_matches',
  'textMatches',
];
/** The repository or project a file result is in (paths repeat across repositories). */
export const REPO_KEYS: readonly string[] = [
  'repository',
  'repo',
  'repository_name',
  'repositoryName',
  'project',
];
export const COLUMN_KEYS: readonly string[] = [
  'column',
  'col',
  'column_number',
  'columnNumber',
  'start_column',
  'startColumn',
];
export const BEFORE_KEYS: readonly string[] = [
  'before',
  'context_before',
  'contextBefore',
  'before_context',
  'beforeContext',
];
export const AFTER_KEYS: readonly string[] = [
  'after',
  'context_after',
  'contextAfter',
  'after_context',
  'afterContext',
];
