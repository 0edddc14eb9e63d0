import { headroomMiddleware } from '@headroom/ai-middleware';
import {
  compress,
  createHeadroom,
  createStats,
  MemoryCcrStore,
  openaiRetrieveTool,
  RETRIEVE_TOOL_NAME,
  type OpenAIMessage,
} from '@headroom/core/internal';
import { BENCH_MODEL } from '../context.js';
import { fromAiSdkPrompt, toAiSdkPrompt, type AiSdkMessage } from '../multi-turn/ai-sdk-prompt.js';
import { lineChart } from '../charts/line-chart.js';
import { writeChart } from '../charts/write-chart.js';
import { buildLongConversation, type LongConversation } from '../multi-turn/conversation.js';
import {
  anthropicRules,
  commonPrefix,
  costOf,
  openaiRules,
  simulateCache,
  type CacheUsage,
  type Price,
  type TokenizedRequest,
} from '../multi-turn/prompt-cache.js';
import { tokenizeRequest } from '../multi-turn/render.js';
import { int, pct, table } from '../report.js';
import type { BenchSection } from './section.js';

const TURNS = 30;

// USD per million input tokens, read 2026-11-25. Anthropic: platform.claude.com/docs/en/about-claude/pricing
// (5-minute cache write 1.25×, cache read 0.1× of input). OpenAI: developers.openai.com/api/docs/pricing and the
// prompt-caching guide (automatic, no write fee before the GPT-5.6 family; GPT-4.1 cached input 75% off, GPT-4o 50% off).
const anthropic: Price = { model: 'Claude Sonnet 4.6', input: 3, cacheWrite: 3.75, cacheRead: 0.3 };
const gpt41: Price = { model: 'GPT-4.1', input: 2, cacheWrite: 2, cacheRead: 0.5 };
const gpt4o: Price = { model: 'GPT-4o', input: 2.5, cacheWrite: 2.5, cacheRead: 1.25 };

/** One way of preparing each turn's request. */
interface Variant {
  name: string;
  volatileSystem: boolean;
  /** Fresh state per run; returns the turn's request (messages plus whether headroom_retrieve is in the tool list). */
  start(): (
    messages: OpenAIMessage[],
  ) => Promise<{ messages: OpenAIMessage[]; retrieveTool: boolean }>;
}

interface Measured {
  variant: Variant;
  requests: TokenizedRequest[];
  anthropic: CacheUsage[];
  openai: CacheUsage[];
}

const latestUserText = (messages: readonly OpenAIMessage[]): string =>
  String([...messages].reverse().find((m) => m.role === 'user')?.content ?? '');

const none = (volatileSystem: boolean): Variant => ({
  name: 'No Headroom',
  volatileSystem,
  start: () => async (messages) => ({ messages, retrieveTool: false }),
});

/** Plain `compress()` on every turn, no session: without `latestQuery` the pipeline's own arrival query is used. */
const perCall = (name: string, latestQuery: boolean): Variant => ({
  name,
  volatileSystem: false,
  start() {
    const store = new MemoryCcrStore();
    return async (messages) => {
      const query = latestQuery ? latestUserText(messages) : undefined;
      const result = await compress(messages, {
        model: BENCH_MODEL,
        store,
        stats: createStats(),
        query,
      });
      return { messages: result.messages, retrieveTool: result.retrieveTool };
    };
  },
});

const naive = perCall(
  'Headroom, no stability measures (per-call, latest user text as query)',
  true,
);
const stateless = perCall(
  'Headroom, per-call `compress()` (query fixed at arrival, no session)',
  false,
);

const session = ({ volatileSystem = false, rewrite = false, always = false }): Variant => ({
  name: [
    rewrite
      ? 'Headroom session + CacheAligner rewrite'
      : volatileSystem
        ? 'Headroom session (CacheAligner only reports)'
        : 'Headroom session (`createHeadroom()`)',
    always ? '`headroom_retrieve` from turn 1' : '`headroom_retrieve` from the first marker',
  ].join(', '),
  volatileSystem,
  start() {
    const headroom = createHeadroom({
      model: BENCH_MODEL,
      cacheAlign: rewrite ? 'rewrite' : 'report',
      retrieveTool: always ? 'always' : 'when-needed',
    });
    return async (messages) => {
      const result = await headroom.compress(messages);
      return { messages: result.messages, retrieveTool: result.retrieveTool };
    };
  },
});

/**
 * The AI SDK middleware as `wrapLanguageModel` runs it: each turn's conversation goes through its
 * `transformParams` as an AI SDK prompt (the session is found from the conversation's opening).
 */
const middleware = ({ volatileSystem = false, rewrite = false }): Variant => ({
  name: `AI SDK \`headroomMiddleware(${rewrite ? "{ cacheAlign: 'rewrite' }" : ''})\` (defaults: a session per conversation, \`headroom_retrieve\` from turn 1)`,
  volatileSystem,
  start() {
    const mw = headroomMiddleware({
      model: BENCH_MODEL,
      stats: createStats(),
      ...(rewrite ? { cacheAlign: 'rewrite' as const } : {}),
    });
    return async (messages) => {
      const params = {
        prompt: toAiSdkPrompt(messages),
        tools: [] as Array<{ type: string; name: string }>,
      };
      const out = await mw.transformParams({
        type: 'generate',
        params,
        model: { modelId: BENCH_MODEL },
      });
      return {
        messages: fromAiSdkPrompt(out.prompt as AiSdkMessage[]),
        retrieveTool: (out.tools ?? []).some((tool) => tool.name === RETRIEVE_TOOL_NAME),
      };
    };
  },
});

async function measure(
  conversation: LongConversation,
  variant: Variant,
  memo: Map<string, number[]>,
): Promise<Measured> {
  const prepare = variant.start();
  const requests: TokenizedRequest[] = [];
  for (let turn = 1; turn <= conversation.turns; turn++) {
    const { messages, retrieveTool } = await prepare(
      conversation.request(turn, variant.volatileSystem),
    );
    const tools = retrieveTool ? [...conversation.tools, openaiRetrieveTool] : conversation.tools;
    requests.push(tokenizeRequest(tools, messages, memo));
  }
  return {
    variant,
    requests,
    anthropic: simulateCache(requests, anthropicRules),
    openai: simulateCache(requests, openaiRules),
  };
}

const sum = (usage: readonly CacheUsage[], field: keyof CacheUsage): number =>
  usage.reduce((total, u) => total + u[field], 0);
const usd = (value: number): string => `$${value.toFixed(3)}`;
const dollars = (value: number): string => `$${value.toFixed(2)}`;
const versus = (value: number, base: number): string =>
  value === base ? '—' : `${value < base ? '−' : '+'}${pct(Math.abs(value - base) / base)}`;

function totalsTable(rows: readonly Measured[]): string {
  const base = rows[0]!;
  const baseCost = [
    costOf(base.anthropic, anthropic),
    costOf(base.openai, gpt41),
    costOf(base.openai, gpt4o),
  ];
  return table(
    [
      'Variant',
      'Input tokens (30 turns)',
      'Served from cache (OpenAI)',
      `${anthropic.model}`,
      `${gpt41.model}`,
      `${gpt4o.model}`,
    ],
    rows.map((m) => {
      const costs = [
        costOf(m.anthropic, anthropic),
        costOf(m.openai, gpt41),
        costOf(m.openai, gpt4o),
      ];
      return [
        m.variant.name,
        int(sum(m.openai, 'input')),
        `${int(sum(m.openai, 'cacheRead'))} (${pct(sum(m.openai, 'cacheRead') / sum(m.openai, 'input'))})`,
        ...costs.map((c, i) => `${usd(c)} (${versus(c, baseCost[i]!)})`),
      ];
    }),
  );
}

/** Running total of what each turn's input cost, for the per-turn chart. */
function cumulativeCost(usage: readonly CacheUsage[], price: Price): number[] {
  let total = 0;
  return usage.map((turn) => (total += costOf([turn], price)));
}

function perTurnTable(rows: readonly Measured[]): string {
  const header = [
    'Turn',
    ...rows.flatMap((_m, i) => [
      `Input ${String.fromCharCode(65 + i)}`,
      `Cacheable ${String.fromCharCode(65 + i)}`,
    ]),
  ];
  const lines = rows[0]!.requests.map((_, t) => [
    String(t + 1),
    ...rows.flatMap((m) => {
      const request = m.requests[t]!;
      const previous = m.requests[t - 1];
      return [
        int(request.tokens.length),
        previous ? int(commonPrefix(request.tokens, previous.tokens)) : '0',
      ];
    }),
  ]);
  return table(header, lines);
}

/** Provider prompt caching over a 30-turn agent session: what Headroom's stability is worth in money. */
export const multiTurnCacheSection: BenchSection = {
  title: 'Multi-turn prompt caching',
  async run(ctx) {
    const conversation = buildLongConversation(ctx.workloads, TURNS);
    const memo = new Map<string, number[]>();
    const stable: Measured[] = [];
    for (const variant of [
      none(false),
      naive,
      stateless,
      session({}),
      middleware({}),
      session({ always: true }),
    ]) {
      ctx.log(`  multi-turn: ${variant.name}`);
      stable.push(await measure(conversation, variant, memo));
    }
    const volatile: Measured[] = [];
    for (const variant of [
      none(true),
      session({ volatileSystem: true, always: true }),
      middleware({ volatileSystem: true, rewrite: true }),
      session({ volatileSystem: true, rewrite: true, always: true }),
    ]) {
      ctx.log(`  multi-turn: ${variant.name} (volatile system prompt)`);
      volatile.push(await measure(conversation, variant, memo));
    }

    for (const rows of [stable, volatile]) {
      const base = rows[0]!;
      const best = rows[rows.length - 1]!;
      for (const price of [anthropic, gpt41, gpt4o]) {
        const usage = price === anthropic ? 'anthropic' : 'openai';
        if (costOf(best[usage], price) >= costOf(base[usage], price)) {
          ctx.problem(
            `multi-turn cache: "${best.variant.name}" costs no less than "${base.variant.name}" on ${price.model}`,
          );
        }
      }
    }

    const legend = stable
      .map((m, i) => `${String.fromCharCode(65 + i)} = ${m.variant.name}`)
      .join('; ');
    return [
      `One ${conversation.turns}-turn agent session stitched from the four workloads above: each workload's question, its tool calls in`,
      'order, and follow-up calls that reopen 25-line windows of earlier results, so the history grows every turn. Each turn the',
      'application sends the whole history again (as agents do); the request is tokenized with o200k_base as the provider lays',
      'it out (tool list, then messages), `headroom_retrieve` is in the tool list whenever the result says so (`retrieveTool`), and the',
      'provider caches are replayed on the exact token sequences:',
      '',
      '- **Anthropic** (explicit): `cache_control` on the system prompt and on the last two messages (what',
      '  `withAnthropicCacheControl` / `cacheBreakpointMessages` place); a turn reads the longest cached breakpoint prefix that',
      '  still matches and writes the rest up to its last breakpoint. Minimum 1,024 tokens; the 5-minute TTL is assumed not to lapse.',
      '- **OpenAI** (automatic): the longest prefix shared with any earlier request, in 128-token steps, from 1,024 tokens; no write fee.',
      '',
      `Prices per million input tokens, read 2026-11-25: ${anthropic.model} ${dollars(anthropic.input)} input, ${dollars(anthropic.cacheWrite)}`,
      `5-minute cache write (1.25×), ${dollars(anthropic.cacheRead)} cache read (0.1×) — platform.claude.com pricing (Sonnet 5/5.5 at $2.00`,
      `keep the same ratios, so the percentages hold); ${gpt41.model} ${dollars(gpt41.input)} input, ${dollars(gpt41.cacheRead)} cached (75% off);`,
      `${gpt4o.model} ${dollars(gpt4o.input)} input, ${dollars(gpt4o.cacheRead)} cached (50% off) — developers.openai.com pricing and`,
      'prompt-caching guide (GPT-5.6 and later also bill cache writes at 1.25×, which favours a stable prefix even more). Output',
      'tokens are the same for every variant and left out.',
      '',
      'The session keeps a file read that was among the last `protectRecent` messages when it arrived uncompressed for good (the',
      'earlier decision wins), so it sends more tokens than per-call `compress()`, which compresses such reads a few turns later at',
      "the price of one cache break; which of the two costs less depends on the provider's write price (compare the columns).",
      'Adding `headroom_retrieve` to the tool list at the first marker breaks the whole cached prefix once; offering it from turn 1',
      "(`retrieveTool: 'always'`) avoids that.",
      '',
      '### Stable system prompt',
      '',
      totalsTable(stable),
      '',
      writeChart(
        'multi-turn-cost.svg',
        `Cumulative input cost per turn on ${anthropic.model}, per variant`,
        lineChart({
          title: `Cumulative input cost over the session on ${anthropic.model} with prompt caching (US$)`,
          xLabel: 'turn',
          series: stable.map((m) => ({
            name: m.variant.name.replace(/`/g, ''),
            values: cumulativeCost(m.anthropic, anthropic),
          })),
          label: (v) => `$${v.toFixed(2)}`,
        }),
      ),
      '',
      '### System prompt with a clock, request id and turn counter',
      '',
      'The same session, but the system prompt carries values that change every turn, as many applications do. Without the',
      "rewrite nothing after the system prompt is ever served from cache; with `cacheAlign: 'rewrite'` the values move to a short",
      'block at the end of the request and the prefix is byte-stable again.',
      '',
      totalsTable(volatile),
      '',
      '### Per turn (stable system prompt)',
      '',
      `Input tokens of each request and the tokens it shares with the previous request (longest common token prefix) — what a`,
      `provider could serve from its prefix cache. ${legend}.`,
      '',
      perTurnTable(stable),
    ].join('\n');
  },
};
