import type { LanguageModelV3FunctionTool, LanguageModelV3Prompt } from '@ai-sdk/provider';
import {
  RETRIEVE_TOOL_NAME,
  retrieveToolDescription,
  retrieveToolSchema,
} from '@headroom/core/internal';
import type { CallOptionsLike } from './types.js';

/** `headroom_retrieve` as an AI SDK function tool. */
export const retrieveFunctionTool: LanguageModelV3FunctionTool = {
  type: 'function',
  name: RETRIEVE_TOOL_NAME,
  description: retrieveToolDescription,
  // The schema is a frozen constant shared by every integration; providers only read it.
  inputSchema: retrieveToolSchema as unknown as LanguageModelV3FunctionTool['inputSchema'],
};

type Tools = NonNullable<CallOptionsLike['tools']>;

/** The tools with `headroom_retrieve` appended, unless a tool of that name is already there. */
export function withRetrieveTool(tools: Tools | undefined): Tools {
  const list = tools ?? [];
  return list.some((tool) => tool.name === RETRIEVE_TOOL_NAME)
    ? list
    : [...list, retrieveFunctionTool];
}

/** Whether this call offers the middleware's own `headroom_retrieve`, so its calls are ours to answer. */
export function offersRetrieveTool(tools: Tools | undefined): boolean {
  return (tools ?? []).some(
    (tool) =>
      tool.type === 'function' &&
      tool.name === RETRIEVE_TOOL_NAME &&
      (tool as { description?: string }).description === retrieveToolDescription,
  );
}

/** Whether the prompt already holds a `headroom_retrieve` call (some providers reject tool calls for undeclared tools). */
export function hasRetrieveCalls(prompt: LanguageModelV3Prompt): boolean {
  return prompt.some(
    (message) =>
      message.role === 'assistant' &&
      message.content.some(
        (part) => part.type === 'tool-call' && part.toolName === RETRIEVE_TOOL_NAME,
      ),
  );
}
