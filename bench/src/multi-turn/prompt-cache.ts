/** A request as the provider tokenizes it, and where Anthropic cache breakpoints sit in it. */
export interface TokenizedRequest {
  tokens: readonly number[];
  /** Token offsets at which `cache_control` breakpoints end a cacheable prefix. */
  breakpoints: readonly number[];
}

/** How one request's input tokens are billed. */
export interface CacheUsage {
  input: number;
  cacheRead: number;
  cacheWrite: number;
  /** Billed at the plain input rate. */
  uncached: number;
}

/** Prefix-cache rules of one provider, as documented (see the section text for sources). */
export interface CacheRules {
  /** Shortest prefix that can be cached. */
  minTokens: number;
  /** Cache hits come in multiples of this many tokens (OpenAI: 128); 1 = any length. */
  granularity: number;
  /** Anthropic: only prefixes ending at a breakpoint are cached (and written at 1.25×); OpenAI: every prefix, free. */
  explicit: boolean;
}

/** Anthropic explicit caching: breakpoints, ≥1,024-token prefixes (Sonnet), 5-minute TTL assumed never to lapse. */
export const anthropicRules: CacheRules = { minTokens: 1024, granularity: 1, explicit: true };
/** OpenAI automatic caching: any prefix of a recent request, ≥1,024 tokens, hits in 128-token steps. */
export const openaiRules: CacheRules = { minTokens: 1024, granularity: 128, explicit: false };

/** Length of the common prefix of two token arrays. */
export function commonPrefix(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a[i] === b[i]) i++;
  return i;
}

/**
 * Replays a conversation against a provider's prefix cache: for each request, which tokens are
 * read from cache (the longest cached prefix still matching), written to it, or billed as plain input.
 */
export function simulateCache(
  requests: readonly TokenizedRequest[],
  rules: CacheRules,
): CacheUsage[] {
  const cached: Array<{ request: number; length: number }> = [];
  return requests.map((request, t) => {
    const matches = requests
      .slice(0, t)
      .map((earlier) => commonPrefix(request.tokens, earlier.tokens));
    let hit = 0;
    if (rules.explicit) {
      for (const entry of cached)
        if (matches[entry.request]! >= entry.length) hit = Math.max(hit, entry.length);
    } else {
      hit = Math.max(0, ...matches);
    }
    hit = hit >= rules.minTokens ? hit - (hit % rules.granularity) : 0;
    const input = request.tokens.length;
    let write = 0;
    if (rules.explicit) {
      const eligible = request.breakpoints.filter((b) => b >= rules.minTokens && b <= input);
      for (const length of eligible) cached.push({ request: t, length });
      write = Math.max(0, Math.max(0, ...eligible) - hit);
    }
    return { input, cacheRead: hit, cacheWrite: write, uncached: input - hit - write };
  });
}

/** USD per million tokens. */
export interface Price {
  model: string;
  input: number;
  cacheRead: number;
  cacheWrite: number;
}

/** What the usage costs at a price, in USD. */
export function costOf(usage: readonly CacheUsage[], price: Price): number {
  let total = 0;
  for (const u of usage)
    total +=
      u.uncached * price.input + u.cacheRead * price.cacheRead + u.cacheWrite * price.cacheWrite;
  return total / 1e6;
}
