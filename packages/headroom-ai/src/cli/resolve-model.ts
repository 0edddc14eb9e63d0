import type { LanguageModelV3 } from '@ai-sdk/provider';
import { CliUsageError } from './usage-error.js';

/**
 * An AI SDK model from `provider:id` (e.g. `openai:gpt-4o-mini`, `anthropic:claude-haiku-4-5`): the provider
 * package `@ai-sdk/<provider>` must be installed; it reads its API key from the environment as usual.
 */
export async function resolveModel(command: string, spec: string): Promise<LanguageModelV3> {
  const match = /^([a-z][\w-]*):(.+)$/.exec(spec);
  if (!match)
    throw new CliUsageError(
      command,
      `a model is "provider:id", e.g. openai:gpt-4o-mini, not "${spec}"`,
    );
  const [, provider, id] = match as unknown as [string, string, string];
  let module: Record<string, unknown>;
  try {
    module = (await import(`@ai-sdk/${provider}`)) as Record<string, unknown>;
  } catch {
    throw new CliUsageError(
      command,
      `the model needs the AI SDK provider package: npm install @ai-sdk/${provider}`,
    );
  }
  const factory = module[provider.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())];
  if (typeof factory !== 'function')
    throw new CliUsageError(command, `@ai-sdk/${provider} has no "${provider}" provider export`);
  return (factory as (id: string) => LanguageModelV3)(id);
}

/** The model of `--model provider:id`, else of `$HEADROOM_LLM`, else none (the command then works without one). */
export async function optionalModel(
  command: string,
  option: string | boolean | undefined,
  env: Readonly<Record<string, string | undefined>>,
): Promise<LanguageModelV3 | undefined> {
  const spec = typeof option === 'string' ? option : env.HEADROOM_LLM;
  return spec ? resolveModel(command, spec) : undefined;
}
