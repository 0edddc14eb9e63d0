import type {
  JSONValue,
  LanguageModelV3Content,
  LanguageModelV3Message,
  LanguageModelV3ToolResultPart,
  SharedV3ProviderMetadata,
} from '@ai-sdk/provider';

type AssistantMessage = Extract<LanguageModelV3Message, { role: 'assistant' }>;

/**
 * The assistant message for what the model generated in one round, the way the AI SDK writes it into
 * history: provider metadata (reasoning signatures, thought signatures) travels back as provider options,
 * tool inputs are parsed, and sources are left out.
 */
export function assistantMessage(content: readonly LanguageModelV3Content[]): AssistantMessage {
  const parts = content.flatMap((part): AssistantMessage['content'] => {
    const options = providerOptions(part.type === 'source' ? undefined : part.providerMetadata);
    switch (part.type) {
      case 'text':
        return part.text ? [{ type: 'text', text: part.text, ...options }] : [];
      case 'reasoning':
        return [{ type: 'reasoning', text: part.text, ...options }];
      case 'file':
        return [{ type: 'file', data: part.data, mediaType: part.mediaType, ...options }];
      case 'tool-call':
        return [
          {
            type: 'tool-call',
            toolCallId: part.toolCallId,
            toolName: part.toolName,
            input: parseInput(part.input),
            ...(part.providerExecuted ? { providerExecuted: true } : {}),
            ...options,
          },
        ];
      case 'tool-result':
        return [
          {
            type: 'tool-result',
            toolCallId: part.toolCallId,
            toolName: part.toolName,
            output: toolOutput(part.result, part.isError),
            ...options,
          },
        ];
      default:
        return [];
    }
  });
  return { role: 'assistant', content: parts };
}

function providerOptions(metadata: SharedV3ProviderMetadata | undefined): {
  providerOptions?: SharedV3ProviderMetadata;
} {
  return metadata ? { providerOptions: metadata } : {};
}

/** Tool inputs arrive as JSON text; history holds the parsed value (an empty input is `{}`, as the AI SDK does). */
function parseInput(input: string): unknown {
  if (input.trim() === '') return {};
  try {
    return JSON.parse(input) as unknown;
  } catch {
    return {};
  }
}

function toolOutput(
  result: JSONValue,
  isError: boolean | undefined,
): LanguageModelV3ToolResultPart['output'] {
  if (isError)
    return typeof result === 'string'
      ? { type: 'error-text', value: result }
      : { type: 'error-json', value: result };
  return typeof result === 'string'
    ? { type: 'text', value: result }
    : { type: 'json', value: result };
}
