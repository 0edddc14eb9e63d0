import {
  RETRIEVE_TOOL_NAME,
  findMarkerKeys,
  retrieveToolDescription,
  type CompressOptions,
  type CompressResult,
  type Headroom,
} from '@headroom/core/internal';
import type { Json } from './provider-format.js';

/**
 * Compresses a provider request's conversation with the caller's Headroom instance. Compression is an
 * optimisation: when the pipeline refuses the messages (a shape it does not know), the request goes out as it came.
 */
export async function compressConversation(
  headroom: Headroom,
  messages: unknown[],
  options: Partial<Pick<CompressOptions, 'format' | 'model' | 'system' | 'tools' | 'scope'>>,
): Promise<CompressResult<unknown> | undefined> {
  try {
    return (await headroom.compress(messages as never[], options)) as CompressResult<unknown>;
  } catch {
    return undefined;
  }
}

/**
 * Whether to offer `headroom_retrieve`: markers were emitted now, or sit in the conversation from earlier
 * turns. Read from the conversation itself, so every later turn of it offers the tool too and the tool list
 * stays byte-stable, without the proxy keeping state per conversation.
 */
export function wantsRetrieveTool(
  result: CompressResult<unknown> | undefined,
  messages: readonly unknown[],
): boolean {
  if (result && result.ccrKeys.length > 0) return true;
  return findMarkerKeys(JSON.stringify(result?.messages ?? messages)).length > 0;
}

/** A tool definition's name and description, wherever its format keeps them. */
export type DescribeTool = (tool: unknown) => { name?: string; description?: string } | undefined;

/**
 * Adds the format's `headroom_retrieve` definition when the conversation needs it, and says whether the
 * tool in the request is ours — an application tool that happens to share the name is left alone.
 */
export function offerRetrieveTool(options: {
  body: Json;
  tools: unknown[] | undefined;
  result: CompressResult<unknown> | undefined;
  conversation: readonly unknown[];
  definition: object;
  describe: DescribeTool;
}): { body: Json; offersRetrieve: boolean } {
  const { body, tools, describe } = options;
  const named = tools?.filter((tool) => describe(tool)?.name === RETRIEVE_TOOL_NAME) ?? [];
  if (named.length > 0)
    return {
      body,
      offersRetrieve: named.some((tool) => describe(tool)?.description === retrieveToolDescription),
    };
  if (!wantsRetrieveTool(options.result, options.conversation))
    return { body, offersRetrieve: false };
  return { body: { ...body, tools: [...(tools ?? []), options.definition] }, offersRetrieve: true };
}
