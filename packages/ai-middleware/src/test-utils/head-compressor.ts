import { compressors, formatMarker, type CompressorSpec, type ContentKind } from '@headroom/core';

const kinds: ContentKind[] = ['json', 'code', 'log', 'diff', 'search', 'html', 'table', 'text'];

/**
 * A stand-in for the real compressors (which other work is still tuning): keeps the first items or lines
 * and stashes the original behind a marker, so these tests exercise the middleware, not the heuristics.
 */
const headCompressor: CompressorSpec = {
  compress(text, ctx) {
    const items = parseArray(text);
    if (items && items.length > 3) {
      const key = ctx.stash(text, { kind: 'json', count: items.length });
      return { text: JSON.stringify([...items.slice(0, 2), { _headroom: formatMarker(key, `${items.length - 2} items omitted`) }]), strategy: 'test:head' };
    }
    const lines = text.split('\n');
    if (lines.length <= 8) return { text };
    const key = ctx.stash(text, { kind: 'text', count: lines.length });
    return { text: [...lines.slice(0, 5), formatMarker(key, `${lines.length - 5} lines omitted`)].join('\n'), strategy: 'test:head' };
  },
};

function parseArray(text: string): unknown[] | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Registers the stand-in for every content kind; returns a function that puts the real ones back. */
export function useHeadCompressor(): () => void {
  const saved = { ...compressors };
  for (const kind of kinds) compressors[kind] = headCompressor;
  return () => {
    for (const kind of kinds) delete compressors[kind];
    Object.assign(compressors, saved);
  };
}
