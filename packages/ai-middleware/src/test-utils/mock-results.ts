import type {
  LanguageModelV3Content,
  LanguageModelV3GenerateResult,
  LanguageModelV3Prompt,
  LanguageModelV3StreamPart,
  LanguageModelV3Usage,
} from '@ai-sdk/provider';
import { findMarkerKeys } from '@headroom/core/internal';

/** Usage of one mock model call. */
export function usage(input: number, output: number): LanguageModelV3Usage {
  return {
    inputTokens: { total: input, noCache: input, cacheRead: undefined, cacheWrite: undefined },
    outputTokens: { total: output, text: output, reasoning: undefined },
  };
}

/** A `doGenerate` result. */
export function generated(
  content: LanguageModelV3Content[],
  tokens: LanguageModelV3Usage,
): LanguageModelV3GenerateResult {
  const calls = content.some((part) => part.type === 'tool-call');
  return {
    content,
    finishReason: calls
      ? { unified: 'tool-calls', raw: 'tool_use' }
      : { unified: 'stop', raw: 'end_turn' },
    usage: tokens,
    warnings: [],
  };
}

/** A `headroom_retrieve` call for `key`. */
export function retrieveCall(
  toolCallId: string,
  key: string,
  query?: string,
): LanguageModelV3Content {
  return {
    type: 'tool-call',
    toolCallId,
    toolName: 'headroom_retrieve',
    input: JSON.stringify(query ? { key, query } : { key }),
  };
}

/** The stream parts of one round: text deltas, then tool calls, then finish. */
export function streamed(
  id: string,
  deltas: string[],
  calls: LanguageModelV3Content[],
  tokens: LanguageModelV3Usage,
): LanguageModelV3StreamPart[] {
  const text: LanguageModelV3StreamPart[] =
    deltas.length === 0
      ? []
      : [
          { type: 'text-start', id },
          ...deltas.map((delta) => ({ type: 'text-delta' as const, id, delta })),
          { type: 'text-end', id },
        ];
  const toolParts = calls.flatMap((call): LanguageModelV3StreamPart[] =>
    call.type === 'tool-call'
      ? [
          { type: 'tool-input-start', id: call.toolCallId, toolName: call.toolName },
          { type: 'tool-input-delta', id: call.toolCallId, delta: call.input },
          { type: 'tool-input-end', id: call.toolCallId },
          call,
        ]
      : [],
  );
  const finishReason =
    calls.length > 0
      ? { unified: 'tool-calls' as const, raw: 'tool_use' }
      : { unified: 'stop' as const, raw: 'end_turn' };
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'response-metadata', id: `resp-${id}`, modelId: 'mock-model-id' },
    ...text,
    ...toolParts,
    { type: 'finish', finishReason, usage: tokens },
  ];
}

/** CCR keys in the prompt's markers, in order. */
export function markerKeys(prompt: LanguageModelV3Prompt): string[] {
  return findMarkerKeys(JSON.stringify(prompt));
}

/** The tool-result parts of the prompt's last message. */
export function lastToolResults(prompt: LanguageModelV3Prompt) {
  const last = prompt[prompt.length - 1];
  return last?.role === 'tool' ? last.content.filter((part) => part.type === 'tool-result') : [];
}
