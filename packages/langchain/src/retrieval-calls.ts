import { ToolMessage, type AIMessage, type ToolCall } from '@langchain/core/messages';
import {
  RETRIEVE_TOOL_NAME,
  answerRetrieveCalls,
  retrievalLimitNote,
  retrievalOutcome,
  type AnswerRetrieveCall,
  type RetrievalExhaustion,
  type RetrievalOutcome,
  type AnsweredRetrieveCall,
  type Stats,
} from '@headroom/core/internal';
import { copyAIMessage } from './ai-message.js';

/** What a retrieval loop needs besides the model. */
export interface RetrievalContext {
  /** The instance's `answerRetrieveCall` in the call's scope: its store, its compressors' unit splitters, its stats. */
  answer: AnswerRetrieveCall;
  stats: Stats;
  maxRounds: number;
  signal?: AbortSignal;
  /** Told when the model still asks for originals after `maxRounds` rounds (before the final call). */
  onExhausted?: (exhaustion: RetrievalExhaustion) => void;
}

/** Options of one call to the wrapped model: the final call after the rounds ran out may call no tool. */
export interface RoundCall {
  toolChoice?: 'none';
}

/** Whether a tool call is a `headroom_retrieve` call for Headroom to answer. */
export function isRetrieveCall(call: { name?: string }): boolean {
  return call.name === RETRIEVE_TOOL_NAME;
}

/** How the loop goes on after `message`, with `answered` rounds already answered. */
export function outcomeOf(
  message: AIMessage,
  answered: number,
  maxRounds: number,
): RetrievalOutcome {
  const calls = message.tool_calls ?? [];
  const retrieveCalls = calls.filter(isRetrieveCall).length;
  return retrievalOutcome({
    retrieveCalls,
    otherCalls: calls.length - retrieveCalls,
    answered,
    maxRounds,
  });
}

/** Answers every `headroom_retrieve` call of `message` as core's retrieval does (a query gets the compressor's units). */
export function answerCalls(
  message: AIMessage,
  ctx: RetrievalContext,
): Promise<Array<AnsweredRetrieveCall<ToolCall>>> {
  return answerRetrieveCalls((message.tool_calls ?? []).filter(isRetrieveCall), {
    answer: ctx.answer,
    input: (call) => call.args,
  });
}

/**
 * The retrieval calls of a round past the last allowed one, answered with a note instead of originals (every
 * provider wants a result for each call); counted in the stats and told to the integration.
 */
export function unansweredCalls(
  message: AIMessage,
  ctx: RetrievalContext,
): Array<AnsweredRetrieveCall<ToolCall>> {
  const note = retrievalLimitNote(ctx.maxRounds);
  const calls = (message.tool_calls ?? []).filter(isRetrieveCall);
  ctx.stats.recordRetrievalExhausted();
  ctx.onExhausted?.({ maxRounds: ctx.maxRounds, unanswered: calls.length });
  return calls.map((call) => ({ call, content: note, isError: true }));
}

/** The answers as the tool messages the next round sends after the model's message. */
export function answerMessages(
  answers: ReadonlyArray<AnsweredRetrieveCall<ToolCall>>,
): ToolMessage[] {
  return answers.map(
    ({ call, content, isError }) =>
      new ToolMessage({
        content,
        tool_call_id: call.id ?? '',
        name: RETRIEVE_TOOL_NAME,
        status: isError ? 'error' : 'success',
      }),
  );
}

/**
 * The message without the given tool calls, wherever the provider put them: `tool_calls`, tool-use content
 * blocks (Anthropic) and the raw `additional_kwargs.tool_calls` (OpenAI).
 */
export function withoutCalls(
  message: AIMessage,
  ids: ReadonlySet<string | undefined>,
): ReturnType<typeof copyAIMessage> {
  const keep = (item: unknown) => !ids.has((item as { id?: string }).id);
  const { content, additional_kwargs } = message;
  const { tool_calls: rawCalls, ...kwargs } = additional_kwargs ?? {};
  const rawKept = Array.isArray(rawCalls) ? rawCalls.filter(keep) : rawCalls;
  return copyAIMessage(message, {
    tool_calls: (message.tool_calls ?? []).filter(keep),
    content:
      typeof content === 'string'
        ? content
        : content.filter((part) => !isToolBlock(part) || keep(part)),
    // OpenAI rejects an empty `tool_calls` array, so an emptied list is left out.
    additional_kwargs:
      Array.isArray(rawKept) && rawKept.length === 0
        ? kwargs
        : additional_kwargs && { ...kwargs, ...(rawKept ? { tool_calls: rawKept } : {}) },
  });
}

function isToolBlock(part: unknown): boolean {
  const type = (part as { type?: unknown }).type;
  return type === 'tool_use' || type === 'tool_call' || type === 'function_call';
}
