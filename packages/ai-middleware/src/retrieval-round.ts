import type {
  LanguageModelV3Content,
  LanguageModelV3FinishReason,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3ToolCall,
} from '@ai-sdk/provider';
import {
  RETRIEVE_TOOL_NAME,
  type Headroom,
  type RetrievalExhaustion,
  type Stats,
} from '@headroom/core';
import { assistantMessage } from './assistant-message.js';

/** What a retrieval loop needs besides the model. */
export interface RetrievalContext {
  /** Answers one call from the instance's store, with its compressors' unit splitters; records hits and misses. */
  answer: Headroom['answerRetrieveCall'];
  stats: Stats;
  maxRounds: number;
  /** Told when the model still asks for originals after `maxRounds` rounds (before the final call). */
  onExhausted?: (exhaustion: RetrievalExhaustion) => void;
}

/** One answered `headroom_retrieve` call. */
export interface RetrieveAnswer {
  call: LanguageModelV3ToolCall;
  content: string;
  isError: boolean;
}

/**
 * What to do after a model round: `done` (no retrieval call), `continue` (only retrieval calls: answer and
 * ask again), `inline` (mixed with the application's calls: answer ours inline, hand the rest over), or
 * `limit` (only retrieval calls but the rounds are used up: answer them with a note and make one final
 * call with no tool callable; past that final call, drop them and stop).
 */
export type RoundOutcome = 'done' | 'continue' | 'inline' | 'limit';

/** Whether a generated part is a `headroom_retrieve` call for the middleware to answer. */
export function isRetrieveCall(part: { type: string }): part is LanguageModelV3ToolCall {
  return part.type === 'tool-call' && isOurs(part as LanguageModelV3ToolCall);
}

/** Whether a streamed tool-input part opens a `headroom_retrieve` call for the middleware to answer. */
export function isRetrieveToolInput(part: LanguageModelV3StreamPart): boolean {
  return part.type === 'tool-input-start' && isOurs(part);
}

function isOurs(part: { toolName: string; providerExecuted?: boolean }): boolean {
  return part.toolName === RETRIEVE_TOOL_NAME && !part.providerExecuted;
}

/** Decides how a round that generated `content` goes on; `round` counts rounds already answered. */
export function roundOutcome(
  content: readonly LanguageModelV3Content[],
  round: number,
  maxRounds: number,
): RoundOutcome {
  if (!content.some(isRetrieveCall)) return 'done';
  if (
    content.some(
      (part) => part.type === 'tool-call' && !part.providerExecuted && !isRetrieveCall(part),
    )
  )
    return 'inline';
  return round < maxRounds ? 'continue' : 'limit';
}

/** Answers every retrieval call in `content` from the store; a bad or expired key becomes a tool error. */
export async function answerCalls(
  content: readonly LanguageModelV3Content[],
  ctx: RetrievalContext,
): Promise<RetrieveAnswer[]> {
  const calls = content.filter(isRetrieveCall);
  return Promise.all(calls.map(async (call) => ({ call, ...(await ctx.answer(call.input)) })));
}

/** The prompt for the next round: the round's assistant message, then the answers as tool results. */
export function nextPrompt(
  prompt: LanguageModelV3Prompt,
  content: readonly LanguageModelV3Content[],
  answers: readonly RetrieveAnswer[],
): LanguageModelV3Prompt {
  return [
    ...prompt,
    assistantMessage(content),
    {
      role: 'tool',
      content: answers.map(({ call, content: value, isError }) => ({
        type: 'tool-result' as const,
        toolCallId: call.toolCallId,
        toolName: call.toolName,
        output: isError ? { type: 'error-text' as const, value } : { type: 'text' as const, value },
      })),
    },
  ];
}

/**
 * An answer in the form the AI SDK accepts next to the application's own tool calls: a provider-executed
 * (dynamic) call followed by its result. The SDK executes nothing for it and keeps both in history, where
 * `restoreRetrievals` turns them back into an ordinary call and tool result on the next request.
 */
export function inlineAnswer({ call, content, isError }: RetrieveAnswer): LanguageModelV3Content[] {
  return [
    { ...call, providerExecuted: true, dynamic: true },
    {
      type: 'tool-result',
      toolCallId: call.toolCallId,
      toolName: call.toolName,
      result: content,
      ...(isError ? { isError: true } : {}),
      dynamic: true,
    },
  ];
}

/** Finish reason when the model still called `headroom_retrieve` in the final call, where no tool was callable. */
export const roundLimitReason: LanguageModelV3FinishReason = {
  unified: 'other',
  raw: 'headroom_retrieve round limit reached',
};
