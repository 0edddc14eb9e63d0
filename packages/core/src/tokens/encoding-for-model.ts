/** The tiktoken encodings we ship; others are estimated from these. */
export type EncodingName = 'o200k_base' | 'cl100k_base';

/** How a model's tokens are counted: an encoding and a factor for providers whose tokenizer is not public. */
export interface TokenizerSpec {
  encoding: EncodingName;
  /** Multiplier applied to the encoding's count (1 for exact OpenAI counts). */
  factor: number;
}

/**
 * Claude's tokenizer is not public. Anthropic's own counts on English prose and JSON run
 * roughly 10–20% above o200k; 1.15 is the midpoint, so budgets err on the safe side.
 */
const CLAUDE_FACTOR = 1.15;
/** Gemini's SentencePiece vocabulary lands close to o200k on mixed content. */
const GEMINI_FACTOR = 1.05;

/** Picks the encoding for a model id (`gpt-4o`, `claude-sonnet-4-5`, `openai/gpt-4.1`, …). */
export function tokenizerForModel(model: string | undefined): TokenizerSpec {
  const id = (model ?? 'gpt-4o').toLowerCase().replace(/^.*\//, '');
  if (/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o\d|chatgpt|codex)/.test(id)) return { encoding: 'o200k_base', factor: 1 };
  if (/^(gpt-4|gpt-3\.5|text-embedding|davinci|babbage)/.test(id)) return { encoding: 'cl100k_base', factor: 1 };
  if (id.startsWith('claude')) return { encoding: 'o200k_base', factor: CLAUDE_FACTOR };
  if (id.startsWith('gemini')) return { encoding: 'o200k_base', factor: GEMINI_FACTOR };
  return { encoding: 'o200k_base', factor: 1 };
}
