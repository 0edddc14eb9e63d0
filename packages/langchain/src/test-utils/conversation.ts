import {
  AIMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
  type BaseMessage,
} from '@langchain/core/messages';
import { findMarkerKeys } from '@headroom/core/internal';
import { releases } from './payloads.js';

/** A turn where the application's `list_releases` tool returned a big real JSON result. */
export function toolTurn(
  question = 'Which release changed tool calling?',
  callId = 'call_releases',
): BaseMessage[] {
  return [
    new HumanMessage({ content: question, id: `human-${callId}` }),
    new AIMessage({
      content: '',
      id: `ai-${callId}`,
      tool_calls: [
        {
          id: callId,
          name: 'list_releases',
          args: { package: '@langchain/core' },
          type: 'tool_call',
        },
      ],
    }),
    new ToolMessage({
      content: JSON.stringify(releases),
      tool_call_id: callId,
      id: `tool-${callId}`,
      name: 'list_releases',
    }),
  ];
}

/** The opening of a conversation followed by one big tool turn. */
export function conversation(): BaseMessage[] {
  return [new SystemMessage('You answer questions about LangChain releases.'), ...toolTurn()];
}

/** The CCR keys in the tool messages a model was sent. */
export function markerKeys(messages: readonly BaseMessage[]): string[] {
  return messages
    .filter((message) => ToolMessage.isInstance(message))
    .flatMap((message) => findMarkerKeys(String(message.content)));
}
