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

/** Model families we know the tokenizer of, most specific first. */
const families: ReadonlyArray<readonly [RegExp, TokenizerSpec]> = [
  [/^(gpt-4o|gpt-4\.1|gpt-4\.5|gpt-5|o\d|chatgpt|codex)/, { encoding: 'o200k_base', factor: 1 }],
  [/^(gpt-4|gpt-3\.5|text-embedding|davinci|babbage)/, { encoding: 'cl100k_base', factor: 1 }],
  [/^claude/, { encoding: 'o200k_base', factor: CLAUDE_FACTOR }],
  [/^gemini/, { encoding: 'o200k_base', factor: GEMINI_FACTOR }],
];

const modelId = (model: string | undefined) =>
  (model ?? 'gpt-4o').toLowerCase().replace(/^.*\//, '');

/** Picks the encoding for a model id (`gpt-4o`, `claude-sonnet-4-5`, `openai/gpt-4.1`, …); unknown ids count as o200k. */
export function tokenizerForModel(model: string | undefined): TokenizerSpec {
  const id = modelId(model);
  return (
    families.find(([pattern]) => pattern.test(id))?.[1] ?? { encoding: 'o200k_base', factor: 1 }
  );
}

/** Whether the model id belongs to a family whose tokenizer is known (callers that take user input reject the rest). */
export function isKnownModel(model: string): boolean {
  const id = modelId(model);
  return families.some(([pattern]) => pattern.test(id));
}
