import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { wrapLanguageModel } from 'ai';

/** A provider model, as `wrapLanguageModel()` takes it. */
type ProviderModel = Parameters<typeof wrapLanguageModel>[0]['model'];

type Env = Readonly<Record<string, string | undefined>>;

/**
 * The model behind the chat, chosen by environment, read per request so one build serves any of them:
 * - `OPENAI_COMPATIBLE_BASE_URL` (+ `OPENAI_COMPATIBLE_API_KEY`): any Chat Completions server (vLLM, Ollama, LM Studio, a gateway);
 * - `ANTHROPIC_API_KEY`: Anthropic;
 * - `OPENAI_API_KEY`: OpenAI.
 * `CHAT_MODEL` names the model.
 */
export function chatModel(env: Env = process.env): ProviderModel {
  if (env.OPENAI_COMPATIBLE_BASE_URL) {
    const provider = createOpenAICompatible({
      name: 'openai-compatible',
      baseURL: env.OPENAI_COMPATIBLE_BASE_URL,
      apiKey: env.OPENAI_COMPATIBLE_API_KEY,
    });
    return provider.chatModel(env.CHAT_MODEL ?? 'gpt-4.1-mini');
  }
  if (env.ANTHROPIC_API_KEY)
    return createAnthropic({ apiKey: env.ANTHROPIC_API_KEY })(
      env.CHAT_MODEL ?? 'claude-sonnet-4-5',
    );
  if (env.OPENAI_API_KEY)
    return createOpenAI({ apiKey: env.OPENAI_API_KEY })(env.CHAT_MODEL ?? 'gpt-4.1-mini');
  throw new Error(
    'Set OPENAI_COMPATIBLE_BASE_URL, ANTHROPIC_API_KEY or OPENAI_API_KEY (see README.md)',
  );
}
