/** Lowercase words without punctuation or articles: how answers are compared (as in SQuAD's evaluation). */
export function answerTokens(answer: string): string[] {
  return answer
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s._/-]/gu, ' ')
    .replace(/(?<![\w])[._/-]+|[._/-]+(?![\w])/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !['a', 'an', 'the'].includes(w));
}

/** Whether two answers say the same words in the same order, after normalisation. */
export function exactMatch(a: string, b: string): boolean {
  return answerTokens(a).join(' ') === answerTokens(b).join(' ');
}

/** Token-level F1 between two answers (bag of words with counts); 1 when both are empty. */
export function tokenF1(a: string, b: string): number {
  const x = answerTokens(a);
  const y = answerTokens(b);
  if (x.length === 0 || y.length === 0) return x.length === y.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const w of y) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of x) {
    const left = counts.get(w) ?? 0;
    if (left > 0) {
      common += 1;
      counts.set(w, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / x.length;
  const recall = common / y.length;
  return (2 * precision * recall) / (precision + recall);
}
