import { AIMessage, HumanMessage, ToolMessage, type BaseMessage } from '@langchain/core/messages';
import {
  applyEdits,
  RETRIEVE_TOOL_NAME,
  type MessageAdapter,
  type Segment,
} from '@headroom/core/internal';

type ContentPart = Exclude<BaseMessage['content'], string>[number];

const roles: Record<string, Segment['role'] | undefined> = {
  system: 'system',
  developer: 'system',
  human: 'user',
  ai: 'assistant',
  tool: 'tool',
};

/**
 * Maps LangChain `BaseMessage[]` to segments and back. `ToolMessage` content (a string, or the text
 * blocks of a content array) is the candidate; system, human and AI text only inform the relevance
 * query. `headroom_retrieve` results are left alone: the model asked for exactly that content.
 */
export const langchainAdapter: MessageAdapter<BaseMessage> = {
  format: 'langchain',
  systemIn: 'messages',
  userMessage: (text) => new HumanMessage(text),

  extract(messages) {
    const calls = new Map<string, { name: string; args: unknown }>();
    const segments: Segment[] = [];
    messages.forEach((message, index) => {
      const role = roles[message.type];
      if (!role) return;
      if (AIMessage.isInstance(message))
        for (const call of message.tool_calls ?? [])
          if (call.id) calls.set(call.id, { name: call.name, args: call.args });
      const tool = ToolMessage.isInstance(message) ? message : undefined;
      if (tool && (tool.name ?? calls.get(tool.tool_call_id)?.name) === RETRIEVE_TOOL_NAME) return;
      const call = tool ? calls.get(tool.tool_call_id) : undefined;
      const base = tool
        ? {
            role,
            source: 'tool_result' as const,
            toolCallId: tool.tool_call_id,
            toolName: call?.name ?? tool.name,
            toolArgs: call?.args,
            isError: tool.status === 'error',
          }
        : { role, source: 'text' as const };
      const { content } = message;
      if (typeof content === 'string') {
        segments.push({ ...base, ref: { message: index }, text: content });
        return;
      }
      content.forEach((part, partIndex) => {
        const text = textOf(part);
        if (text !== undefined)
          segments.push({ ...base, ref: { message: index, part: partIndex }, text });
      });
    });
    return segments;
  },

  apply: (messages, edits) =>
    applyEdits(messages, edits, (message, { part }, text) => {
      const current = message as ToolMessage;
      if (part === undefined) return withContent(current, text);
      const parts = [...(current.content as ContentPart[])];
      parts[part] = { ...parts[part]!, text } as ContentPart;
      return withContent(current, parts as ToolMessage['content']);
    }),
};

/** The text of a `text` content block (string parts and other block types carry none to compress). */
function textOf(part: ContentPart): string | undefined {
  if (
    typeof part === 'object' &&
    part !== null &&
    part.type === 'text' &&
    typeof part.text === 'string'
  )
    return part.text;
  return undefined;
}

/** The same tool message with new content: id, tool_call_id, name, status, artifact and metadata kept. */
function withContent(message: ToolMessage, content: ToolMessage['content']): ToolMessage {
  return new ToolMessage({
    content,
    id: message.id,
    tool_call_id: message.tool_call_id,
    name: message.name,
    status: message.status,
    artifact: message.artifact,
    additional_kwargs: message.additional_kwargs,
    response_metadata: message.response_metadata,
    metadata: message.metadata,
  });
}
