import {
  anthropicAdapter,
  createHeadroom,
  createTokenCounter,
  detectContent,
  detectFormat,
  findMarkerKeys,
  MemoryCcrStore,
  openaiAdapter,
  retrieve,
  type MessageAdapter,
  type OpenAIMessage,
  type Segment,
} from '@headroom/core/internal';
import { asRequest } from '../cli/compress/as-messages.js';
import { markLines, type MarkedLine } from './line-states.js';

/** One stored original a marker in the compressed text points at. */
export interface InspectMarker {
  key: string;
  /** The stored original, byte for byte as `headroom_retrieve` returns it. */
  original: string;
  /** What `headroom_retrieve { key, query }` returns, when the report was made with a query. */
  retrieval?: { content: string; matched?: number; total?: number };
}

/** One tool output of the request: how it was routed, what it became, and why. */
export interface InspectSegment {
  messageIndex: number;
  toolName?: string;
  kind: string;
  /** The router's confidence in `kind`, and every detector's score (why this kind won). */
  confidence: number;
  scores?: Record<string, number>;
  binary?: boolean;
  /** The compressor's strategy, or `unchanged` when the text went out as it came. */
  strategy: string;
  tokensBefore: number;
  tokensAfter: number;
  original: MarkedLine[];
  compressed: MarkedLine[];
  markers: InspectMarker[];
}

/** What `headroom inspect` reports, as HTML or as JSON. */
export interface InspectReport {
  model: string;
  query?: string;
  tokensBefore: number;
  tokensAfter: number;
  segments: InspectSegment[];
}

const adapters = { openai: openaiAdapter, anthropic: anthropicAdapter } as Record<
  string,
  MessageAdapter<unknown>
>;

/**
 * Runs the pipeline on a tool output or a messages file with a fresh in-memory store and reports, per
 * tool output: detected kind and scores, strategy, tokens, lines kept and dropped, and every stored
 * original its markers name (with the query's retrieval when a query is given).
 */
export async function inspectReport(
  input: string,
  options: { model?: string; query?: string; fileName?: string } = {},
): Promise<InspectReport> {
  const model = options.model ?? 'gpt-4o';
  const request = asRequest(input, {
    shape: 'auto',
    fileName: options.fileName,
    query: options.query,
  });
  const store = new MemoryCcrStore();
  const headroom = createHeadroom({ store });
  const messages = request.messages as OpenAIMessage[];
  const result = await headroom.compress(messages, {
    model,
    query: options.query,
    protectRecent: 0,
  });
  const adapter = adapters[detectFormat(messages)]!;
  const before = adapter.extract(messages).filter((s) => s.source === 'tool_result');
  const after = adapter.extract(result.messages).filter((s) => s.source === 'tool_result');
  const counter = await createTokenCounter(model);
  const segments: InspectSegment[] = [];
  for (const [i, segment] of before.entries()) {
    const output = after[i]?.text ?? segment.text;
    const tokens = counter.count(segment.text);
    const transform = result.transforms.find((t) => t.messageIndex === segment.ref.message) ?? {
      tokensBefore: tokens,
      tokensAfter: tokens,
    };
    segments.push(await describe(segment, output, transform, { store, query: options.query }));
  }
  return {
    model,
    ...(options.query ? { query: options.query } : {}),
    tokensBefore: result.tokensBefore,
    tokensAfter: result.tokensAfter,
    segments,
  };
}

async function describe(
  segment: Segment,
  output: string,
  transform: { kind?: string; strategy?: string; tokensBefore: number; tokensAfter: number },
  { store, query }: { store: MemoryCcrStore; query?: string },
): Promise<InspectSegment> {
  const detection = detectContent(segment.text, { toolName: segment.toolName });
  const markers: InspectMarker[] = [];
  for (const key of findMarkerKeys(output)) {
    const entry = await store.get(key);
    if (!entry) continue;
    const marker: InspectMarker = { key, original: entry.original };
    if (query) {
      const found = await retrieve(store, key, { query });
      marker.retrieval = {
        content: found.content,
        ...(found.matched === undefined ? {} : { matched: found.matched }),
        ...(found.total === undefined ? {} : { total: found.total }),
      };
    }
    markers.push(marker);
  }
  const lines = markLines(segment.text, output);
  return {
    messageIndex: segment.ref.message,
    ...(segment.toolName ? { toolName: segment.toolName } : {}),
    kind: transform.kind ?? detection.kind,
    confidence: detection.confidence,
    ...(detection.scores ? { scores: detection.scores as Record<string, number> } : {}),
    ...(detection.binary ? { binary: true } : {}),
    strategy: transform.strategy ?? 'unchanged',
    tokensBefore: transform.tokensBefore,
    tokensAfter: transform.tokensAfter,
    original: lines.original,
    compressed: lines.compressed,
    markers,
  };
}
