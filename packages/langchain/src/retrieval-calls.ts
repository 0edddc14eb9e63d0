import { ToolMessage, type AIMessage, type ToolCall } from '@langchain/core/messages';
import {
  RETRIEVE_TOOL_NAME,
  answerRetrieveCalls,
  retrievalOutcome,
  type CcrStore,
  type RetrievalOutcome,
  type AnsweredRetrieveCall,
  type Stats,
} from '@headroom/core/internal';
import { copyAIMessage } from './ai-message.js';

/** What a retrieval loop needs besides the model. */
export interface RetrievalContext {
  store: CcrStore;
  stats: Stats;
  maxRounds: number;
  signal?: AbortSignal;
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

/** Answers every `headroom_retrieve` call of `message` from the store. */
export function answerCalls(
  message: AIMessage,
  ctx: RetrievalContext,
): Promise<Array<AnsweredRetrieveCall<ToolCall>>> {
  return answerRetrieveCalls((message.tool_calls ?? []).filter(isRetrieveCall), {
    store: ctx.store,
    stats: ctx.stats,
    input: (call) => call.args,
  });
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
