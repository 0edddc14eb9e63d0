import type {
  LanguageModelV3Content,
  LanguageModelV3StreamPart,
  SharedV3ProviderMetadata,
} from '@ai-sdk/provider';

type Block = {
  type: 'text' | 'reasoning';
  text: string;
  providerMetadata?: SharedV3ProviderMetadata;
};

/**
 * Rebuilds a round's generated content from its stream parts, as `doGenerate` would have returned it,
 * so a streamed round can be written into the next round's prompt. The last provider metadata seen for a
 * block wins, as in the AI SDK (reasoning signatures often arrive on the last delta or the end part).
 */
export function createContentCollector(): {
  add(part: LanguageModelV3StreamPart): void;
  readonly content: LanguageModelV3Content[];
} {
  const content: LanguageModelV3Content[] = [];
  const open = new Map<string, Block>();
  const note = (block: Block | undefined, metadata: SharedV3ProviderMetadata | undefined) => {
    if (block && metadata) block.providerMetadata = metadata;
  };
  return {
    content,
    add(part) {
      switch (part.type) {
        case 'text-start':
        case 'reasoning-start': {
          const block: Block = {
            type: part.type === 'text-start' ? 'text' : 'reasoning',
            text: '',
          };
          note(block, part.providerMetadata);
          content.push(block);
          open.set(`${block.type}:${part.id}`, block);
          break;
        }
        case 'text-delta':
        case 'reasoning-delta': {
          const block = open.get(`${part.type === 'text-delta' ? 'text' : 'reasoning'}:${part.id}`);
          if (block) block.text += part.delta;
          note(block, part.providerMetadata);
          break;
        }
        case 'text-end':
        case 'reasoning-end': {
          const key = `${part.type === 'text-end' ? 'text' : 'reasoning'}:${part.id}`;
          note(open.get(key), part.providerMetadata);
          open.delete(key);
          break;
        }
        case 'tool-call':
        case 'tool-result':
        case 'file':
          content.push(part);
          break;
        default:
          break;
      }
    },
  };
}
