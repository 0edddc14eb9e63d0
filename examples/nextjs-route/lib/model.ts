import { gateway } from 'ai';

/**
 * The model behind the route. Any AI SDK provider works (`openai('gpt-4.1')`, `anthropic('claude-sonnet-4-5')`…);
 * the Vercel AI Gateway needs only `AI_GATEWAY_API_KEY`. Tests replace this module with a mock model.
 */
export function chatModel() {
  return gateway(process.env.CHAT_MODEL ?? 'anthropic/claude-sonnet-4.5');
}
