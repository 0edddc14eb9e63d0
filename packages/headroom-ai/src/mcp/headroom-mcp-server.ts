import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import {
  createHeadroom,
  RETRIEVE_TOOL_NAME,
  retrieveToolDescription,
  type CcrStore,
} from '@headroom/core/internal';
import { z } from 'zod';
import { compressToolOutput } from '../cli/compress/compress-tool-output.js';
import { cliVersion } from '../cli/version.js';
import {
  formatSummary,
  readLedger,
  recordCompression,
  summarizeLedger,
} from '../stats-ledger/index.js';

/** Largest `content` `headroom_compress` accepts: the CLI's input limit. */
const MAX_CONTENT_CHARS = 64 * 1024 * 1024;

/** Options of {@link createHeadroomMcpServer}. */
export interface HeadroomMcpServerOptions {
  /** Where originals go; a store that outlives the process (files, Redis) lets a later session retrieve them. */
  store: CcrStore;
  /** The stats ledger every compression is appended to. */
  ledgerPath: string;
  /** Tokenizer and price of the client's model. Default gpt-4o. */
  model?: string;
  /** Told about problems that must not fail a tool call (a ledger write that failed). */
  onWarning?: (message: string) => void;
}

const text = (value: string) => ({ content: [{ type: 'text' as const, text: value }] });

/**
 * The Headroom MCP server: `headroom_compress` (content in, compressed text and its retrieval keys out),
 * `headroom_retrieve` (an original back by key, or the parts matching a query) and `headroom_stats`
 * (this session's and all recorded savings). Transport-agnostic: `headroom mcp serve` connects it to stdio.
 */
export function createHeadroomMcpServer({
  store,
  ledgerPath,
  model = 'gpt-4o',
  onWarning,
}: HeadroomMcpServerOptions): McpServer {
  const headroom = createHeadroom({ store });
  const session = { compressions: 0, tokensBefore: 0, tokensAfter: 0 };
  const server = new McpServer({ name: 'headroom', version: cliVersion() });

  server.registerTool(
    'headroom_compress',
    {
      description:
        'Compress a large tool output, log, file or search result before reading it, to save context. What is dropped stays retrievable: ' +
        'the output carries <<ccr:KEY …>> markers; pass KEY to headroom_retrieve to get the original back.',
      inputSchema: {
        content: z.string().max(MAX_CONTENT_CHARS).describe('The text to compress.'),
        query: z.string().optional().describe('What you are looking for; steers what is kept.'),
      },
    },
    async ({ content, query }) => {
      const started = performance.now();
      const compressed = await compressToolOutput(headroom, { text: content, model, query });
      const { result } = compressed;
      const recorded = await recordCompression(compressed, {
        source: 'mcp',
        model,
        ms: performance.now() - started,
        path: ledgerPath,
      });
      if (!recorded.ok) onWarning?.(`could not record stats: ${String(recorded.error)}`);
      session.compressions += 1;
      session.tokensBefore += compressed.tokensBefore;
      session.tokensAfter += compressed.tokensAfter;
      const keys =
        result.ccrKeys.length > 0
          ? `\n\n[headroom: ${compressed.tokensBefore} → ${compressed.tokensAfter} tokens; originals stored under ${result.ccrKeys.join(', ')}; use headroom_retrieve to get them back]`
          : '';
      return {
        ...text(compressed.output + keys),
        structuredContent: {
          compressed: compressed.output,
          keys: result.ccrKeys,
          tokensBefore: compressed.tokensBefore,
          tokensAfter: compressed.tokensAfter,
        },
      };
    },
  );

  server.registerTool(
    RETRIEVE_TOOL_NAME,
    {
      description: retrieveToolDescription,
      inputSchema: {
        key: z.string().describe('The KEY from a <<ccr:KEY …>> marker.'),
        query: z
          .string()
          .optional()
          .describe('Optional search terms; returns only the matching parts of the original.'),
        offset: z
          .number()
          .int()
          .min(0)
          .optional()
          .describe(
            'Optional; where to continue, as named by the previous reply for the next part.',
          ),
      },
    },
    async ({ key, query, offset }) => {
      const answer = await headroom.answerRetrieveCall({ key, query, offset });
      return { ...text(answer.content), isError: answer.isError };
    },
  );

  server.registerTool(
    'headroom_stats',
    {
      description:
        'Tokens saved by Headroom in this session and in every recorded compression (CLI, proxy, MCP).',
      inputSchema: {},
    },
    async () => {
      const lifetime = summarizeLedger(await readLedger({ path: ledgerPath, onWarning }));
      const saved = session.tokensBefore - session.tokensAfter;
      const sessionLine = `This session: ${session.compressions} compressions, tokens ${session.tokensBefore} → ${session.tokensAfter} (saved ${saved}).`;
      return {
        ...text(`${sessionLine}\n\n${formatSummary(lifetime)}`),
        structuredContent: { session: { ...session, tokensSaved: saved }, lifetime },
      };
    },
  );

  return server;
}
