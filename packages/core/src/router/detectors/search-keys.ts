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
