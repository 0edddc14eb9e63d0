import { findMarkerKeys, type CompressOptions, type CompressResult, type Headroom } from '@headroom/core';

/**
 * Compresses a provider request's conversation with the caller's Headroom instance. Compression is an
 * optimisation: when the pipeline refuses the messages (a shape it does not know), the request goes out as it came.
 */
export async function compressConversation(
  headroom: Headroom,
  messages: unknown[],
  options: Partial<Pick<CompressOptions, 'format' | 'model' | 'system' | 'tools'>>,
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
export function wantsRetrieveTool(result: CompressResult<unknown> | undefined, messages: readonly unknown[]): boolean {
  if (result && result.ccrKeys.length > 0) return true;
  return findMarkerKeys(JSON.stringify(result?.messages ?? messages)).length > 0;
}
