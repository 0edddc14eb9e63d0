import type { TransformRecord } from '@headroom/core/internal';

const fmt = (n: number) => n.toLocaleString('en-US');

/** `tokens 12,345 → 1,234 (saved 90.0%) · json 12,000 → 1,000` */
export function summaryLine(
  tokens: { before: number; after: number },
  transforms: readonly TransformRecord[],
): string {
  const saved = tokens.before === 0 ? 0 : (100 * (tokens.before - tokens.after)) / tokens.before;
  const byKind = new Map<string, { before: number; after: number }>();
  for (const t of transforms) {
    const k = byKind.get(t.kind) ?? { before: 0, after: 0 };
    k.before += t.tokensBefore;
    k.after += t.tokensAfter;
    byKind.set(t.kind, k);
  }
  const kinds = [...byKind]
    .map(([kind, k]) => ` · ${kind} ${fmt(k.before)} → ${fmt(k.after)}`)
    .join('');
  return `tokens ${fmt(tokens.before)} → ${fmt(tokens.after)} (saved ${saved.toFixed(1)}%)${kinds}`;
}
