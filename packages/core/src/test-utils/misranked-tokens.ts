import type { RankTable } from '../tokens/rank-table.js';

/**
 * The base64 tokens of a js-tiktoken `bpe_ranks` text that `table` does not find at their rank:
 * empty when the table holds every token where js-tiktoken has it.
 */
export function misrankedTokens(table: RankTable, bpeRanks: string): string[] {
  const wrong: string[] = [];
  for (const line of bpeRanks.split('\n')) {
    const [, first, ...tokens] = line.split(' ');
    tokens.forEach((base64, i) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      if (table.rank(bytes, 0, bytes.length) !== Number(first) + i) wrong.push(base64);
    });
  }
  return wrong;
}
