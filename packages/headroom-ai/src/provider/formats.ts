import { anthropicMessages } from './anthropic-messages.js';
import { openaiChat } from './openai-chat.js';
import { openaiResponses } from './openai-responses.js';
import type { ProviderFormat } from './provider-format.js';

/** The API a request path belongs to, or undefined for paths Headroom passes through (models, embeddings…). */
export function formatForPath(pathname: string): ProviderFormat | undefined {
  const path = pathname.replace(/\/+$/, '');
  if (path.endsWith('/chat/completions')) return openaiChat;
  if (path.endsWith('/responses')) return openaiResponses;
  if (path.endsWith('/messages')) return anthropicMessages;
  return undefined;
}
