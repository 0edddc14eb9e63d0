/**
 * List prices in US dollars per million uncached input tokens, from the providers' public pricing pages
 * (OpenAI, Anthropic, Google; late 2025). Saved tokens are priced at these rates: a cached or batched
 * prompt costs less, so the estimate is an upper bound. Longest matching prefix of the model id wins.
 */
export const INPUT_PRICES_PER_MILLION: Readonly<Record<string, number>> = {
  'gpt-5-nano': 0.05,
  'gpt-5-mini': 0.25,
  'gpt-5': 1.25,
  'gpt-4.1-nano': 0.1,
  'gpt-4.1-mini': 0.4,
  'gpt-4.1': 2,
  'gpt-4o-mini': 0.15,
  'gpt-4o': 2.5,
  'gpt-4-turbo': 10,
  'gpt-4': 30,
  'gpt-3.5-turbo': 0.5,
  'o4-mini': 1.1,
  'o3-mini': 1.1,
  o3: 2,
  o1: 15,
  'claude-opus-4-5': 5,
  'claude-opus-4': 15,
  'claude-sonnet-4': 3,
  'claude-3-7-sonnet': 3,
  'claude-3-5-sonnet': 3,
  'claude-haiku-4-5': 1,
  'claude-3-5-haiku': 0.8,
  'claude-3-haiku': 0.25,
  'gemini-2.5-pro': 1.25,
  'gemini-2.5-flash-lite': 0.1,
  'gemini-2.5-flash': 0.3,
  'gemini-2.0-flash': 0.1,
};

/** Dollars per million input tokens for a model id (provider prefixes like `openai/` ignored), if listed. */
export function inputPricePerMillion(model: string | undefined): number | undefined {
  if (!model) return undefined;
  const id = model.toLowerCase().replace(/^.*\//, '');
  let best: string | undefined;
  for (const prefix of Object.keys(INPUT_PRICES_PER_MILLION)) {
    if (id.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  return best === undefined ? undefined : INPUT_PRICES_PER_MILLION[best];
}
