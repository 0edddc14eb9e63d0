/**
 * A unified-style line diff of two texts, for dry runs that show what a write would change: lines only in
 * `before` start with `-`, lines only in `after` with `+`, and up to `context` unchanged lines around each
 * change with a space. The common head and tail are trimmed first, so the quadratic part only sees the
 * changed middle (a config file of thousands of lines with one entry added stays cheap).
 */
export function lineDiff(
  before: string,
  after: string,
  { context = 2 }: { context?: number } = {},
): string {
  if (before === after) return '';
  const a = before === '' ? [] : before.replace(/\n$/, '').split('\n');
  const b = after === '' ? [] : after.replace(/\n$/, '').split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head += 1;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail += 1;
  const ops: { sign: ' ' | '-' | '+'; line: string }[] = [];
  for (let i = 0; i < head; i++) ops.push({ sign: ' ', line: a[i]! });
  ops.push(...middle(a.slice(head, a.length - tail), b.slice(head, b.length - tail)));
  for (let i = a.length - tail; i < a.length; i++) ops.push({ sign: ' ', line: a[i]! });
  const keep = ops.map(
    (op, i) =>
      op.sign !== ' ' ||
      ops.slice(Math.max(0, i - context), i + context + 1).some((o) => o.sign !== ' '),
  );
  const out: string[] = [];
  ops.forEach((op, i) => {
    if (keep[i]) out.push(`${op.sign}${op.line}`);
    else if (i === 0 || keep[i - 1]) out.push('…');
  });
  return `${out.join('\n')}\n`;
}

/** Longest-common-subsequence diff of the changed middle. */
function middle(a: string[], b: string[]): { sign: ' ' | '-' | '+'; line: string }[] {
  const lcs = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] =
        a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const ops: { sign: ' ' | '-' | '+'; line: string }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ sign: ' ', line: a[i++]! });
      j++;
    } else if (i < a.length && (j === b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!))
      ops.push({ sign: '-', line: a[i++]! });
    else ops.push({ sign: '+', line: b[j++]! });
  }
  return ops;
}
