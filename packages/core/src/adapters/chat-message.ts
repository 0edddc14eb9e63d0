/**
 * What `compress()` takes: OpenAI Chat Completions or Anthropic messages, checked at run time by their
 * adapters. Structural on purpose: the SDKs' own message types (`ChatCompletionMessageParam`,
 * `MessageParam`) are interfaces without an index signature, which the open `OpenAIMessage` and
 * `AnthropicMessage` shapes require, so constraining to those made an app's typed history a compile error.
 */
export interface ChatMessage {
  role: string;
  content?: unknown;
}
