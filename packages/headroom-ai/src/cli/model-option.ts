import { isKnownModel } from '@headroom/core/internal';
import type { CliOption } from './command.js';
import { CliUsageError } from './usage-error.js';

/** `--model`, shared by every command that counts tokens. */
export const modelOption: CliOption = {
  type: 'string',
  valueName: 'id',
  description: 'model the text is for; picks the tokenizer (default gpt-4o)',
};

/** `--query`, shared by the commands that compress: the user's question steers what is kept. */
export const queryOption: CliOption = {
  type: 'string',
  valueName: 'text',
  description:
    'what the user asked; steers what is kept (and, for inspect, what a retrieval returns)',
};

/** The `--model` value, refused when no tokenizer is known for it, since counts would silently be wrong. */
export function checkedModel(
  command: string,
  model: string | boolean | undefined,
): string | undefined {
  if (typeof model !== 'string') return undefined;
  if (!isKnownModel(model)) {
    throw new CliUsageError(
      command,
      `unknown model "${model}" (known: gpt-4o, gpt-4.1, gpt-5, o-series, gpt-4, gpt-3.5, claude-*, gemini-*; a provider/ prefix is fine)`,
    );
  }
  return model;
}
