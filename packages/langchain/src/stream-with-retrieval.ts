import {
  AIMessageChunk,
  mergeUsageMetadata,
  type BaseMessage,
  type UsageMetadata,
} from '@langchain/core/messages';
import { withInlineRetrievals } from './inline-retrievals.js';
import { nextRound } from './next-round.js';
import { isRetrieveCall, type RetrievalContext, type RoundCall } from './retrieval-calls.js';

type Stream = (messages: BaseMessage[], call?: RoundCall) => Promise<AsyncIterable<AIMessageChunk>>;

/**
 * The stream side of the retrieval loop. Text and reasoning pass through as they arrive; the parts of
 * `headroom_retrieve` calls are held back; a round that called only `headroom_retrieve` is answered and the
 * next round continues the same stream, under the first round's message id (past `maxRounds`, the calls get
 * a note and the final round is one in which the model may call no tool). The stream ends with one
 * final chunk: the usage of every round added up, the last round's response metadata, and (when the
 * model mixed its calls) the inline retrievals of the mixed-call policy.
 */
export async function* streamWithRetrieval(
  messages: readonly BaseMessage[],
  stream: Stream,
  ctx: RetrievalContext,
): AsyncGenerator<AIMessageChunk> {
  let history = [...messages];
  let usage: UsageMetadata | undefined;
  let id: string | undefined;
  let call: RoundCall | undefined;
  for (let round = 0; ; round++) {
    let whole: AIMessageChunk | undefined;
    const retrieveIndexes = new Set<number | string>();
    for await (const chunk of await stream(history, call)) {
      whole = whole ? whole.concat(chunk) : chunk;
      id ??= chunk.id;
      for (const part of chunk.tool_call_chunks ?? [])
        if (isRetrieveCall(part)) retrieveIndexes.add(part.index ?? part.id ?? '');
      const visible = visiblePart(chunk, retrieveIndexes, id);
      if (visible) yield visible;
    }
    if (!whole) return;
    if (whole.usage_metadata)
      usage = usage ? mergeUsageMetadata(usage, whole.usage_metadata) : whole.usage_metadata;
    const step = await nextRound(whole, { round, history, ctx });
    if (step.outcome === 'continue' || step.outcome === 'limit') {
      history = step.history;
      call = step.call;
      continue;
    }
    const responseMetadata =
      step.outcome === 'inline'
        ? withInlineRetrievals(whole, step.answers).response_metadata
        : whole.response_metadata;
    yield new AIMessageChunk({
      content: '',
      id,
      usage_metadata: usage,
      response_metadata: responseMetadata,
    });
    return;
  }
}

/**
 * What the caller sees of one inner chunk, with the stream's id: everything but the parts of retrieval
 * calls (tool-call chunks, tool-use blocks and raw OpenAI deltas at their index) and the usage and
 * response metadata, which the final chunk carries for the whole stream.
 */
function visiblePart(
  chunk: AIMessageChunk,
  retrieveIndexes: ReadonlySet<number | string>,
  id: string | undefined,
): AIMessageChunk | undefined {
  const isOurs = (part: unknown) =>
    retrieveIndexes.has((part as { index?: number }).index ?? (part as { id?: string }).id ?? '');
  const toolCallChunks = (chunk.tool_call_chunks ?? []).filter((part) => !isOurs(part));
  const content =
    typeof chunk.content === 'string'
      ? chunk.content
      : chunk.content.filter((part) => !isToolBlock(part) || !isOurs(part));
  const { tool_calls: rawCalls, ...kwargs } = chunk.additional_kwargs ?? {};
  const rawKept = Array.isArray(rawCalls) ? rawCalls.filter((call) => !isOurs(call)) : rawCalls;
  const additional =
    rawKept === undefined || (Array.isArray(rawKept) && rawKept.length === 0)
      ? kwargs
      : { ...kwargs, tool_calls: rawKept };
  if (content.length === 0 && toolCallChunks.length === 0 && Object.keys(additional).length === 0)
    return undefined;
  return new AIMessageChunk({
    content,
    id,
    tool_call_chunks: toolCallChunks,
    additional_kwargs: additional,
  });
}

function isToolBlock(part: unknown): boolean {
  const type = (part as { type?: unknown }).type;
  return type === 'tool_use' || type === 'input_json_delta' || type === 'tool_call_chunk';
}
