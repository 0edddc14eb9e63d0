import {
  RETRIEVE_TOOL_NAME,
  findMarkerKeys,
  retrieveToolDescription,
  type CompressOptions,
  type CompressResult,
  type Headroom,
} from '@headroom/core/internal';
import type { CompressedRequest, DescribeTool, Json, RequestShape } from './provider-format.js';

/**
 * Compresses a request's conversation, found where its format's `shape` says, with the caller's Headroom
 * under its retrieval `scope`; puts the result back, and offers `headroom_retrieve` when markers are in it.
 */
export async function compressProviderRequest(
  body: Json,
  shape: RequestShape,
  { headroom, scope }: { headroom: Headroom; scope?: string },
): Promise<CompressedRequest> {
  const tools = Array.isArray(body.tools) ? (body.tools as unknown[]) : undefined;
  const { conversation, definition, describe = topLevelNames } = shape;
  if (!Array.isArray(conversation))
    return offerRetrieveTool({
      body,
      tools,
      result: undefined,
      conversation: [],
      definition,
      describe,
    });
  const view = shape.view?.(conversation) ?? conversation;
  const result = await compressConversation(headroom, view, {
    format: shape.format,
    model: typeof body.model === 'string' ? body.model : undefined,
    tools,
    scope,
    ...(shape.system !== undefined ? { system: shape.system } : {}),
  });
  const out = result?.compressed ? shape.withCompressed(result, view) : body;
  return {
    ...offerRetrieveTool({ body: out, tools, result, conversation, definition, describe }),
    result,
  };
}

/**
 * Compresses a provider request's conversation with the caller's Headroom instance. Compression is an
 * optimisation: when the pipeline refuses the messages (a shape it does not know), the request goes out as it came.
 */
async function compressConversation(
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

const topLevelNames: DescribeTool = (tool) =>
  tool as { name?: string; description?: string } | undefined;

/**
 * Adds the format's `headroom_retrieve` definition when the conversation needs it, and says whether the
 * tool in the request is ours — an application tool that happens to share the name is left alone.
 */
function offerRetrieveTool(options: {
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
