import { RETRIEVE_TOOL_NAME } from '@headroom/core/internal';
import { toolCallPart, type Json, type ToolCallPart } from './provider-format.js';

/** How a provider API lists the parts of a response, and which of them are `headroom_retrieve` calls. */
export interface ResponseParts<T> {
  /** The response's parts; none when it has no such list, so the caller needs no check of its own. */
  of(response: Json): T[];
  /** Whether a part is a `headroom_retrieve` call. */
  isRetrieveCall(part: { type?: unknown; name?: unknown } | undefined): boolean;
  /** The response's tool calls, as the retrieval loop reads them. */
  toolCalls(response: Json): ToolCallPart[];
}

/** A tool call's id, tool name and input text, read off one part of the call type. */
type ReadCall<T> = (part: T) => [id: unknown, name: unknown, input: string];

/**
 * The parts a response lists under `key` (Anthropic's `content` blocks, OpenAI Responses' `output`
 * items), whose tool calls have the type `callType` (`tool_use`, `function_call`).
 */
export function responseParts<T extends { type?: unknown }>({
  key,
  callType,
  readCall,
}: {
  key: string;
  callType: string;
  readCall: ReadCall<T>;
}): ResponseParts<T> {
  const of = (response: Json): T[] => {
    const value = response[key];
    return Array.isArray(value) ? (value as T[]) : [];
  };
  return {
    of,
    isRetrieveCall: (part) => part?.type === callType && part.name === RETRIEVE_TOOL_NAME,
    toolCalls: (response) =>
      of(response)
        .filter((part) => part.type === callType)
        .map((part) => {
          const [id, name, input] = readCall(part);
          return toolCallPart(String(id), String(name), input);
        }),
  };
}
