import { beforeAll, describe, expect, it } from 'vitest';
import { formatMarker } from '../ccr/marker.js';
import { MemoryCcrStore } from '../ccr/memory-store.js';
import { compress } from '../compress.js';
import type { CompressResult } from '../pipeline/create-pipeline.js';
import { createHeadroom } from '../create-headroom.js';
import { relevanceTerms } from '../relevance/tokenize.js';
import { createStats } from '../stats/stats.js';
import { dataDir, noDataReason } from '../test-utils/data-dir.node.js';
import type { Compressor, CompressorSpec, ContentKind } from '../types.js';
import { withAnthropicCacheControl } from './cache-breakpoints.js';
import { isDynamicBlock, restoreVolatileValues } from './move-volatile.js';
import {
  anthropicTurn,
  buildAgentConversation,
  openaiTurn,
  type AgentConversation,
} from './test-utils/agent-conversation.node.js';

const TURNS = 30;
const kinds: ContentKind[] = ['json', 'code', 'log', 'diff', 'search', 'html', 'table', 'text'];

/**
 * Deterministic and deliberately query-sensitive: keeps the head, the tail and every line that
 * shares a term with the relevance query. If the query of an old segment changed between turns,
 * its bytes would change too — which is what these tests must rule out.
 */
const keepQueryLines: Compressor = (text, ctx) => {
  const lines = text.split('\n');
  if (lines.length < 30) return { text };
  const terms = new Set(relevanceTerms(ctx.query).filter((t) => t.length > 3));
  const kept = lines.filter(
    (line, i) => i < 8 || i >= lines.length - 4 || relevanceTerms(line).some((t) => terms.has(t)),
  );
  const key = ctx.stash(text, { kind: 'text', count: lines.length });
  return {
    text: [...kept, formatMarker(key, `${lines.length - kept.length} lines omitted`)].join('\n'),
    strategy: 'test:query-lines',
  };
};

/** The request as a provider reads it: tools, system, then one message per line. */
function render(parts: {
  tools?: unknown;
  system?: unknown;
  messages: readonly unknown[];
}): string {
  const head = [parts.tools, parts.system]
    .filter((p) => p !== undefined)
    .map((p) => JSON.stringify(p));
  return [...head, ...parts.messages.map((m) => JSON.stringify(m))]
    .map((line) => `${line}\n`)
    .join('');
}

/** Drops Headroom's trailing dynamic block (rewrite mode) from a request. */
function withoutDynamicBlock<M>(messages: readonly M[]): M[] {
  const last = messages[messages.length - 1] as { content?: unknown } | undefined;
  return typeof last?.content === 'string' && isDynamicBlock(last.content)
    ? messages.slice(0, -1)
    : [...messages];
}

/** Turn numbers (2-based) whose request does not start with the previous request. */
function brokenTurns(renders: readonly string[]): number[] {
  return renders.flatMap((text, i) => (i > 0 && !text.startsWith(renders[i - 1]!) ? [i + 1] : []));
}

describe.skipIf(!dataDir)(
  `multi-turn prefix stability (${dataDir ? '30-turn agent conversation from shared/data' : noDataReason})`,
  () => {
    let conversation: AgentConversation;
    beforeAll(() => {
      conversation = buildAgentConversation(TURNS);
    });

    describe('with a deterministic, query-sensitive test compressor', () => {
      const spec: CompressorSpec = { compress: keepQueryLines };
      const compressors = Object.fromEntries(kinds.map((kind) => [kind, spec]));

      it('OpenAI: every request starts with the exact bytes of the previous one, and compression pays', async () => {
        const headroom = createHeadroom({ model: 'gpt-4o', compressors });
        const renders: string[] = [];
        let last: CompressResult<ReturnType<typeof openaiTurn>[number]> | undefined;
        for (let turn = 1; turn <= TURNS; turn++) {
          last = await headroom.compress(openaiTurn(conversation, turn), {
            tools: conversation.tools,
          });
          renders.push(render({ tools: conversation.tools, messages: last.messages }));
          if (turn > 1) expect(last.cache.prefixChanged).toBe(false);
        }
        expect(brokenTurns(renders)).toEqual([]);
        // The test compressor really ran on most tool results, with markers for the retrieval tool.
        expect(last!.transforms.length).toBeGreaterThan(TURNS / 2);
        expect(last!.tokensAfter).toBeLessThan(last!.tokensBefore * 0.8);
        expect(last!.retrieveTool).toBe(true);
        expect(headroom.session.retrieveToolInjected).toBe(true);
        const session = headroom.session.stats();
        expect(session.comparedCalls).toBe(TURNS - 1);
        expect(session.reusedDecisions).toBeGreaterThan(100);
        // Everything but the newest messages is served from the previous request.
        expect(last!.cache.stablePrefix!.parts).toBe(last!.cache.stablePrefix!.totalParts - 2);
        expect(session.stableTokens / session.totalTokens).toBeGreaterThan(0.85);
      });

      it('control: without the session and with the latest user text as query, old segments change', async () => {
        const renders: string[] = [];
        const store = new MemoryCcrStore();
        for (let turn = 1; turn <= TURNS; turn++) {
          const messages = openaiTurn(conversation, turn);
          const latest = [...messages].reverse().find((m) => m.role === 'user')!.content as string;
          const result = await compress(messages, {
            tools: conversation.tools,
            query: latest,
            store,
            stats: createStats(),
            compressors,
          });
          renders.push(render({ tools: conversation.tools, messages: result.messages }));
        }
        // The questions change at steps 11 and 21: there the unstable variant rewrites history. (Once the
        // router detects code, recent file reads flip to compressed a few turns later and break it too.)
        expect(brokenTurns(renders)).toEqual(expect.arrayContaining([11, 21]));
      });

      it('Anthropic with cache breakpoints: the prefix up to the breakpoint is what the next turn starts with', async () => {
        const headroom = createHeadroom({ model: 'claude-sonnet-4-5', compressors });
        const renders: string[] = [];
        for (let turn = 1; turn <= TURNS; turn++) {
          const { system, messages } = anthropicTurn(conversation, turn);
          const result = await headroom.compress(messages, { system, tools: conversation.tools });
          expect(result.system).toBe(system);
          const request = withAnthropicCacheControl({
            system: result.system,
            tools: conversation.tools,
            messages: result.messages,
          });
          const marked = request.messages.flatMap((m, i) =>
            Array.isArray(m.content) && m.content.some((b) => 'cache_control' in b) ? [i] : [],
          );
          expect(marked).toEqual([result.messages.length - 2, result.messages.length - 1]);
          // cache_control is not part of the cached content, so compare without it.
          renders.push(
            render({ tools: conversation.tools, system: result.system, messages: result.messages }),
          );
        }
        expect(brokenTurns(renders)).toEqual([]);
      });

      it('rewrite mode: a system prompt with a clock, request id and turn counter still gives a byte-stable prefix, losslessly', async () => {
        const headroom = createHeadroom({ model: 'gpt-4o', cacheAlign: 'rewrite', compressors });
        const plain = createHeadroom({ model: 'gpt-4o', compressors });
        const renders: string[] = [];
        const plainRenders: string[] = [];
        for (let turn = 1; turn <= TURNS; turn++) {
          const messages = openaiTurn(conversation, turn, true);
          const result = await headroom.compress(messages, { tools: conversation.tools });
          const block = result.messages[result.messages.length - 1]!.content as string;
          expect(isDynamicBlock(block)).toBe(true);
          expect(result.messages).toHaveLength(messages.length + 1);
          // Lossless: the system prompt comes back exactly from the placeholders and the block's values.
          const original = messages[0]!.content as string;
          expect(
            restoreVolatileValues(result.messages[0]!.content as string, result.cache.moved),
          ).toBe(original);
          for (const { placeholder, value } of result.cache.moved)
            expect(block).toContain(`${placeholder} = ${value}`);
          expect(result.cache.moved.map((m) => m.kind).sort()).toEqual([
            'counter',
            'date',
            'request_id',
            'timestamp',
            'uuid',
          ]);
          expect(result.cache.warning).toMatch(/moved to a block at the end/);
          renders.push(
            render({ tools: conversation.tools, messages: withoutDynamicBlock(result.messages) }),
          );
          if (turn > 1) expect(result.cache.prefixChanged).toBe(false);

          const reported = await plain.compress(messages, { tools: conversation.tools });
          expect(reported.messages).toHaveLength(messages.length);
          expect(reported.cache.warning).toMatch(/system:timestamp=1/);
          if (turn > 1) expect(reported.cache.prefixChanged).toBe(true);
          plainRenders.push(render({ tools: conversation.tools, messages: reported.messages }));
        }
        expect(brokenTurns(renders)).toEqual([]);
        // Report mode leaves the volatile system prompt alone, so every turn misses the cache.
        expect(brokenTurns(plainRenders)).toHaveLength(TURNS - 1);
      });
    });

    describe('with the default compressors', () => {
      // 90 compressions with the real compressors: about 50 s on a loaded 2-core machine, so more than the default 30 s.
      it('OpenAI and Anthropic requests start with the previous request on every turn', {
        timeout: 180_000,
      }, async () => {
        const openai = createHeadroom({ model: 'gpt-4o' });
        const anthropic = createHeadroom({ model: 'claude-sonnet-4-5', cacheAlign: 'rewrite' });
        const store = new MemoryCcrStore();
        const openaiRenders: string[] = [];
        const anthropicRenders: string[] = [];
        const statelessRenders: string[] = [];
        let transforms = 0;
        for (let turn = 1; turn <= TURNS; turn++) {
          const a = await openai.compress(openaiTurn(conversation, turn), {
            tools: conversation.tools,
          });
          openaiRenders.push(render({ tools: conversation.tools, messages: a.messages }));
          transforms = a.transforms.length;
          const { system, messages } = anthropicTurn(conversation, turn, true);
          const b = await anthropic.compress(messages, { system, tools: conversation.tools });
          anthropicRenders.push(
            render({
              tools: conversation.tools,
              system: b.system,
              messages: withoutDynamicBlock(b.messages),
            }),
          );
          const c = await compress(openaiTurn(conversation, turn), {
            tools: conversation.tools,
            store,
            stats: createStats(),
          });
          statelessRenders.push(render({ tools: conversation.tools, messages: c.messages }));
        }
        expect(transforms).toBeGreaterThan(0);
        expect(brokenTurns(openaiRenders)).toEqual([]);
        expect(brokenTurns(anthropicRenders)).toEqual([]);
        // Control: without a session, file reads that were recent (protected) get compressed a few turns later.
        expect(brokenTurns(statelessRenders).length).toBeGreaterThan(0);
      });
    });
  },
);
