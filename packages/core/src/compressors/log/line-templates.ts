import { maskVariables } from './mask-variables.js';

/** Lines grouped by message template. */
export interface LineTemplates {
  /** Template id of every line. */
  ids: number[];
  /** Lines per template id. */
  counts: number[];
  /** Id of every line's exact masked text; lines of one template can differ in the words the template wildcards. */
  variants: number[];
}

const WILDCARD = '<*>';
/** Share of tokens two messages must share to be one template (Drain's similarity threshold). */
const SIMILARITY = 0.7;
const STRICT_SIMILARITY = 0.5;
/** Templates compared per (group, length) bucket; past that, unmatched lines start new templates. */
const MAX_COMPARED = 100;

interface Cluster {
  id: number;
  tokens: string[];
}

/**
 * Groups lines by template, Drain-style: variables are masked, then lines of the same group and
 * token count whose tokens mostly agree join one template, the disagreeing positions becoming
 * wildcards (so `Invalid user admin from <IP>` and `Invalid user oracle from <IP>` are one).
 * `groups` keeps lines of different levels apart; `strict` lines merge only on variable-looking tokens. Deterministic: clusters are tried in creation order.
 */
export function lineTemplates(
  lines: readonly string[],
  groups: readonly string[],
  strict: readonly boolean[] = [],
): LineTemplates {
  const ids: number[] = [];
  const counts: number[] = [];
  const variants: number[] = [];
  const exact = new Map<string, number>();
  const variantIds = new Map<string, number>();
  const buckets = new Map<string, Cluster[]>();
  for (const [index, line] of lines.entries()) {
    const masked = `${groups[index] ?? ''}\u0000${maskVariables(line.trim())}`;
    if (!variantIds.has(masked)) variantIds.set(masked, variantIds.size);
    variants.push(variantIds.get(masked) as number);
    let id = exact.get(masked);
    if (id === undefined) {
      const tokens = masked.split(/\s+/);
      const bucketKey = `${groups[index] ?? ''}\u0000${tokens.length}`;
      const bucket = buckets.get(bucketKey) ?? [];
      buckets.set(bucketKey, bucket);
      const cluster = bucket.find((c) => similar(c.tokens, tokens, strict[index] === true));
      if (cluster) {
        cluster.tokens = cluster.tokens.map((t, i) => (t === tokens[i] ? t : WILDCARD));
        id = cluster.id;
      } else {
        id = counts.length;
        counts.push(0);
        if (bucket.length < MAX_COMPARED) bucket.push({ id, tokens });
      }
      exact.set(masked, id);
    }
    ids.push(id);
    counts[id] = (counts[id] ?? 0) + 1;
  }
  return { ids, counts, variants };
}

// Ids, names with digits, paths, key=value pairs, placeholders: tokens a message template varies in.
const VARIABLE = /[\d\-_./:=@<>#'"()[\]]/;

/**
 * `strict` (errors and warnings): lines may differ only in variable-looking tokens, so `data TLB error`
 * and `instruction TLB error` stay two messages while `runner-a crashed` and `runner-b crashed` are one.
 */
function similar(template: readonly string[], tokens: readonly string[], strict: boolean): boolean {
  // The first token (group + first word) must agree, so different message kinds never merge.
  if (template[0] !== tokens[0]) return false;
  let same = 0;
  for (const [i, t] of template.entries()) {
    const token = tokens[i] as string;
    if (t === token || t === WILDCARD) same++;
    else if (strict && !(VARIABLE.test(token) && VARIABLE.test(t))) return false;
  }
  // Strict lines already differ only where a template varies, so half the tokens agreeing is enough.
  return same / tokens.length >= (strict ? STRICT_SIMILARITY : SIMILARITY);
}
