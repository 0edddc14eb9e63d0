/** Replace `source.slice(start, end)` with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping edits (any order); an edit overlapping an earlier one is skipped. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const parts: string[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    parts.push(source.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  parts.push(source.slice(at));
  return parts.join('');
}

/** The whitespace before `index` on its line, or `undefined` when code precedes it there. */
export function indentBefore(source: string, index: number): string | undefined {
  const lineStart = source.lastIndexOf('\n', index - 1) + 1;
  const prefix = source.slice(lineStart, index);
  return /^[ \t]*$/.test(prefix) ? prefix : undefined;
}
