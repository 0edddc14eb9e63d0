import type { Piece } from './edits.js';
import type { Range } from './split-units.js';

/** Code as `cat -n` and agents' file-read tools print it: `<padded number><tab or →><line>`. */
export interface NumberedCode {
  /** The code without the numbers. */
  code: string;
  /** The number of the first line. */
  first: number;
  /** How wide the number column is, and what follows it (`\t` or `→`). */
  width: number;
  separator: string;
  /** Whether the numbered text ended with a newline (else its last numbered line may be empty). */
  trailingNewline: boolean;
}

const NUMBERED = /^( *)(\d+)(\t|→)/;

/**
 * Reads line-numbered code: every line numbered, consecutively. Anything else (one unnumbered
 * line, a gap in the numbers) is not numbered code and gives `undefined`.
 */
export function parseNumbered(text: string): NumberedCode | undefined {
  const lines = text.endsWith('\n') ? text.slice(0, -1).split('\n') : text.split('\n');
  const head = NUMBERED.exec(lines[0] ?? '');
  if (!head || lines.length < 2) return undefined;
  const first = Number(head[2]);
  const separator = head[3] as string;
  const code: string[] = [];
  for (const [index, line] of lines.entries()) {
    const match = NUMBERED.exec(line);
    if (!match || Number(match[2]) !== first + index || match[3] !== separator) return undefined;
    code.push(line.slice(match[0].length));
  }
  const trailingNewline = text.endsWith('\n');
  return {
    code: code.join('\n') + (trailingNewline ? '\n' : ''),
    first,
    width: (head[1] as string).length + (head[2] as string).length,
    separator,
    trailingNewline,
  };
}

/** For a range of the code, the whole lines of the numbered original it spans. */
export function numberedLines(original: string, code: string): (range: Range) => string {
  const starts = lineStarts(code);
  const lines = original.split('\n');
  return ({ start, end }) =>
    lines.slice(lineOf(starts, start), lineOf(starts, Math.max(start, end - 1)) + 1).join('\n');
}

/**
 * Numbers compressed code again: a line gets the number of the original line it starts on; a line
 * inside a placeholder's text (after its first) stands for no one line and gets a blank column.
 */
export function renumber(pieces: readonly Piece[], code: string, numbered: NumberedCode): string {
  const starts = lineStarts(code);
  const column = (line?: number) =>
    `${line === undefined ? '' : line + numbered.first}`.padStart(numbered.width) +
    numbered.separator;
  const out: string[] = [];
  let atLineStart = true;
  for (const piece of pieces) {
    let offset = 0;
    while (offset < piece.text.length) {
      if (atLineStart) {
        const line = piece.copied
          ? lineOf(starts, piece.from + offset)
          : offset === 0
            ? lineOf(starts, piece.from)
            : undefined;
        out.push(column(line));
      }
      const newline = piece.text.indexOf('\n', offset);
      const end = newline === -1 ? piece.text.length : newline + 1;
      out.push(piece.text.slice(offset, end));
      atLineStart = newline !== -1;
      offset = end;
    }
  }
  // `cat -n` numbers an empty last line too.
  if (atLineStart && !numbered.trailingNewline && code.endsWith('\n'))
    out.push(column(starts.length - 1));
  return out.join('');
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Index of the line holding `offset` (binary search over line starts). */
function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((lineStarts[mid] as number) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
