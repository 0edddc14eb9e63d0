/**
 * At most `max` lines of a file's outline, for a diff: the whole outline when it fits, else its
 * shallowest lines (declarations at the least indentation first, then one level deeper while they
 * fit), in order. The first line (the outline's marker) always stays. Returns the lines and how
 * deep they go (undefined when nothing was left out).
 */
export function outlineView(
  outline: readonly string[],
  max: number,
): { lines: string[]; indent?: number } {
  if (outline.length <= max) return { lines: [...outline] };
  const [head, ...rest] = outline;
  const indents = [...new Set(rest.filter((l) => l.trim() !== '').map((l) => indentOf(l)))].sort(
    (a, b) => a - b,
  );
  let depth = indents[0] ?? 0;
  for (const indent of indents) {
    if (rest.filter((l) => l.trim() !== '' && indentOf(l) <= indent).length > max - 1) break;
    depth = indent;
  }
  const lines = rest.filter((l) => l.trim() !== '' && indentOf(l) <= depth).slice(0, max - 1);
  return { lines: head === undefined ? lines : [head, ...lines], indent: depth };
}

/** Columns of leading whitespace (a tab counts as four). */
function indentOf(line: string): number {
  let columns = 0;
  for (const char of line) {
    if (char === ' ') columns++;
    else if (char === '\t') columns += 4;
    else break;
  }
  return columns;
}
