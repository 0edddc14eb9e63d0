/** Replace `source.slice(start, end)` with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A run of output text: copied from the source at `from`, or an edit's replacement for the source at `from`. */
export interface Piece {
  text: string;
  from: number;
  copied: boolean;
}

/** Applies non-overlapping edits (any order); an edit overlapping an earlier one is skipped. */
export function applyEdits(source: string, edits: readonly Edit[]): string {
  return piecesOf(source, edits)
    .map((piece) => piece.text)
    .join('');
}

/** Like {@link applyEdits}, but keeps track of which output came from where (for line numbers). */
export function piecesOf(source: string, edits: readonly Edit[]): Piece[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const pieces: Piece[] = [];
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) continue;
    pieces.push(
      { text: source.slice(at, edit.start), from: at, copied: true },
      { text: edit.text, from: edit.start, copied: false },
    );
    at = edit.end;
  }
  pieces.push({ text: source.slice(at), from: at, copied: true });
  return pieces;
}

/** The whitespace before `index` on its line, or `undefined` when code precedes it there. */
export function indentBefore(source: string, index: number): string | undefined {
  const lineStart = source.lastIndexOf('\n', index - 1) + 1;
  const prefix = source.slice(lineStart, index);
  return /^[ \t]*$/.test(prefix) ? prefix : undefined;
}
