import { HumanMessage, ToolMessage } from '@langchain/core/messages';
import { tool } from '@langchain/core/tools';
import { RETRIEVE_TOOL_NAME } from '@headroom/core/internal';
import { z } from 'zod';
import { markerKeys } from './conversation.js';
import { releases } from './payloads.js';
import { ScriptedChatModel, reply } from './scripted-chat-model.js';

/** The application's `list_releases` tool: a big real JSON result (`result()`, by default @langchain/core's releases). */
export function listReleasesTool(result: () => unknown = () => releases) {
  return tool(async () => JSON.stringify(result()), {
    name: 'list_releases',
    description: 'Lists the releases of a package.',
    schema: z.object({ package: z.string() }),
  });
}

/**
 * An agent's model: calls `list_releases`, then `headroom_retrieve` on the compressed result (saying
 * `retrieving` as it does), then answers.
 */
export function releasesAgentModel(retrieving = ''): ScriptedChatModel {
  return new ScriptedChatModel((messages, call) => {
    const last = messages.at(-1)!;
    if (HumanMessage.isInstance(last))
      return reply('', {
        id: `m${call}`,
        calls: [{ name: 'list_releases', args: { package: '@langchain/core' }, id: `c${call}` }],
      });
    if (ToolMessage.isInstance(last) && last.name !== RETRIEVE_TOOL_NAME) {
      return reply(retrieving, {
        id: `m${call}`,
        calls: [
          {
            name: RETRIEVE_TOOL_NAME,
            args: { key: markerKeys(messages).at(-1)!, query: 'streaming' },
            id: `r${call}`,
          },
        ],
      });
    }
    return reply('Streaming changed in 0.3.', { id: `m${call}` });
  });
}
