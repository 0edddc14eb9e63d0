import { RETRIEVE_TOOL_NAME } from '@headroom/core/internal';

/**
 * A test for `headroom_retrieve` calls among a format's response parts: `callType` is the type its
 * tool calls have (`tool_use` in Anthropic content, `function_call` in OpenAI Responses output).
 */
export function retrieveCallTest(
  callType: string,
): (part: { type?: unknown; name?: unknown } | undefined) => boolean {
  return (part) => part?.type === callType && part.name === RETRIEVE_TOOL_NAME;
}
