import { sha256Hex } from '../hash/sha256.js';
import { safeStringify } from './safe-stringify.js';
import { formatDynamicBlock, moveVolatileValues, type MovedValue } from './move-volatile.js';
import { findVolatileValues, type VolatileKind } from './volatile-values.js';

/** A volatile value in the part of the request that should be identical on every call. */
export interface VolatileFinding {
  kind: VolatileKind;
  value: string;
  /** `system`: the index-th system text; `tools`: the index-th tool definition. */
  source: 'system' | 'tools';
  index: number;
}

/** What the aligner found and, in rewrite mode, what it changed. */
export interface CacheAlignment {
  findings: VolatileFinding[];
  /** Human-readable warning when anything volatile was found. */
  warning?: string;
  /** SHA-256 of the system texts (as sent, i.e. after rewriting) and tool definitions. */
  prefixHash: string;
  /** The system texts to send: rewritten in rewrite mode, else the input. */
  system: string[];
  /** Values moved out of the system texts (rewrite mode only). */
  moved: MovedValue[];
  /** The block to append at the end of the request, when values were moved. */
  dynamicBlock?: string;
}

/** Input for {@link alignCache}: the system texts in order, and the request's tool definitions. */
export interface CacheAlignInput {
  system: readonly string[];
  tools?: readonly unknown[];
}

/**
 * CacheAligner: finds volatile values in system texts and tool definitions, hashes the stable
 * prefix and, with `rewrite`, moves the values of the system texts into a block for the end of
 * the request. Tool definitions are only reported: rewriting a schema could change tool calls.
 */
export function alignCache(
  input: CacheAlignInput,
  options: { rewrite?: boolean } = {},
): CacheAlignment {
  const findings: VolatileFinding[] = [];
  input.system.forEach((text, index) => {
    for (const { kind, value } of findVolatileValues(text))
      findings.push({ kind, value, source: 'system', index });
  });
  const tools = input.tools ?? [];
  tools.forEach((tool, index) => {
    for (const { kind, value } of findVolatileValues(safeStringify(tool)))
      findings.push({ kind, value, source: 'tools', index });
  });

  const rewritten = options.rewrite ? moveVolatileValues(input.system) : undefined;
  const system = rewritten?.texts ?? [...input.system];
  const moved = rewritten?.moved ?? [];
  const prefixHash = sha256Hex(
    `${system.join('\n---\n')}\n---tools---\n${tools.map(safeStringify).join('\n')}`,
  );
  const alignment: CacheAlignment = { findings, prefixHash, system, moved };
  const allMoved =
    moved.length > 0 &&
    rewritten?.skipped.length === 0 &&
    !findings.some((f) => f.source === 'tools');
  const warning = warningFor(findings, allMoved);
  if (warning) alignment.warning = warning;
  if (moved.length > 0) alignment.dynamicBlock = formatDynamicBlock(moved);
  return alignment;
}

function warningFor(findings: readonly VolatileFinding[], allMoved: boolean): string | undefined {
  if (findings.length === 0) return undefined;
  const counts = new Map<string, number>();
  for (const { source, kind } of findings)
    counts.set(`${source}:${kind}`, (counts.get(`${source}:${kind}`) ?? 0) + 1);
  const summary = [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([label, count]) => `${label}=${count}`)
    .join(', ');
  const advice = allMoved
    ? 'they were moved to a block at the end of the request, so the prefix stays cacheable.'
    : 'the prompt-cache prefix changes whenever they do; move them out of the system prompt and tool definitions (or enable the rewrite mode for system prompts).';
  return `Headroom CacheAligner: volatile values in the request prefix (${summary}); ${advice}`;
}
