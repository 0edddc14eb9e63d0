import type { CallbackManagerForLLMRun } from '@langchain/core/callbacks/manager';
import {
  BaseChatModel,
  type BaseChatModelCallOptions,
  type BindToolsInput,
} from '@langchain/core/language_models/chat_models';
import { AIMessage, AIMessageChunk, type BaseMessage } from '@langchain/core/messages';
import { ChatGenerationChunk, type ChatResult } from '@langchain/core/outputs';
import { convertToOpenAITool } from '@langchain/core/utils/function_calling';

type CallOptions = BaseChatModelCallOptions & {
  tools?: Array<{ function?: { name: string }; name?: string }>;
};

/** One model call as the scripted model received it. */
export interface ScriptedCall {
  messages: BaseMessage[];
  tools: string[];
  /** The call's `tool_choice`, when it had one. */
  toolChoice?: unknown;
}

/** The next reply, from the messages the model was sent (and the call's `tool_choice`). */
export type Script = (messages: BaseMessage[], call: number, toolChoice?: unknown) => AIMessage;

/**
 * A tool-calling chat model that answers from a script and records every call (messages and tool names).
 * Streams text word by word, each tool call as a name chunk and two argument chunks, usage last.
 */
export class ScriptedChatModel extends BaseChatModel<CallOptions> {
  readonly calls: ScriptedCall[];
  readonly script: Script;

  constructor(script: Script | AIMessage[], calls: ScriptedCall[] = []) {
    super({});
    this.script =
      typeof script === 'function'
        ? script
        : (_messages, call) => script[Math.min(call, script.length - 1)]!;
    this.calls = calls;
  }

  _llmType(): string {
    return 'scripted';
  }

  override getLsParams(options: this['ParsedCallOptions']) {
    return { ...super.getLsParams(options), ls_model_name: 'gpt-4o' };
  }

  override bindTools(tools: BindToolsInput[], kwargs?: Partial<CallOptions>) {
    return new ScriptedChatModel(this.script, this.calls).withConfig({
      ...kwargs,
      tools: tools.map((tool) => convertToOpenAITool(tool)),
    } as Partial<CallOptions>);
  }

  #reply(messages: BaseMessage[], options: this['ParsedCallOptions']): AIMessage {
    const tools = (options.tools ?? []).map((tool) => tool.function?.name ?? tool.name ?? '');
    const toolChoice = options.tool_choice;
    this.calls.push({ messages, tools, ...(toolChoice === undefined ? {} : { toolChoice }) });
    return this.script(messages, this.calls.length - 1, toolChoice);
  }

  override async _generate(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
  ): Promise<ChatResult> {
    const message = this.#reply(messages, options);
    return { generations: [{ message, text: message.text }] };
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    options: this['ParsedCallOptions'],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    const message = this.#reply(messages, options);
    const id = message.id;
    const parts: AIMessageChunk[] = (message.text.match(/\S+\s*/g) ?? []).map(
      (word) => new AIMessageChunk({ content: word, id }),
    );
    (message.tool_calls ?? []).forEach((call, index) => {
      const args = JSON.stringify(call.args);
      const half = Math.floor(args.length / 2);
      parts.push(
        new AIMessageChunk({
          content: '',
          id,
          tool_call_chunks: [
            { type: 'tool_call_chunk', index, id: call.id, name: call.name, args: '' },
          ],
        }),
      );
      parts.push(
        new AIMessageChunk({
          content: '',
          id,
          tool_call_chunks: [{ type: 'tool_call_chunk', index, args: args.slice(0, half) }],
        }),
      );
      parts.push(
        new AIMessageChunk({
          content: '',
          id,
          tool_call_chunks: [{ type: 'tool_call_chunk', index, args: args.slice(half) }],
        }),
      );
    });
    parts.push(
      new AIMessageChunk({
        content: '',
        id,
        usage_metadata: message.usage_metadata,
        response_metadata: { finish_reason: 'stop' },
      }),
    );
    for (const part of parts) {
      if (options.signal?.aborted) return;
      const chunk = new ChatGenerationChunk({ message: part, text: part.text });
      yield chunk;
      await runManager?.handleLLMNewToken(chunk.text, undefined, undefined, undefined, undefined, {
        chunk,
      });
    }
  }
}

/** An AI message with tool calls and usage, the way providers return one. */
export function reply(
  text: string,
  options: {
    id?: string;
    calls?: Array<{ name: string; args: Record<string, unknown>; id: string }>;
    tokens?: [number, number];
  } = {},
): AIMessage {
  const [input, output] = options.tokens ?? [100, 10];
  return new AIMessage({
    content: text,
    id: options.id,
    tool_calls: (options.calls ?? []).map((call) => ({ ...call, type: 'tool_call' as const })),
    usage_metadata: { input_tokens: input, output_tokens: output, total_tokens: input + output },
  });
}
