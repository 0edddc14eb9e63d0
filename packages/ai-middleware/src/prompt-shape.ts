import type { LanguageModelV3Prompt } from '@ai-sdk/provider';

const ROLES = new Set(['system', 'user', 'assistant', 'tool']);

/**
 * Whether `prompt` has the shape the middleware reads: messages with a known role, a string system
 * content, other contents arrays of parts with a string `type`, tool calls and results that name their
 * call and tool, results with an output. `generateText`/`streamText` check prompts before a model sees
 * them; a direct `doGenerate` caller may not, and then the middleware steps aside: the call goes to the
 * model as it came, which reports the problem as it would without Headroom.
 */
export function isWellFormedPrompt(prompt: unknown): prompt is LanguageModelV3Prompt {
  return Array.isArray(prompt) && prompt.every(isMessage);
}

function isMessage(message: unknown): boolean {
  if (!isObject(message) || typeof message.role !== 'string' || !ROLES.has(message.role))
    return false;
  if (message.role === 'system') return typeof message.content === 'string';
  return Array.isArray(message.content) && message.content.every(isPart);
}

function isPart(part: unknown): boolean {
  if (!isObject(part) || typeof part.type !== 'string') return false;
  if (part.type === 'text' || part.type === 'reasoning') return typeof part.text === 'string';
  if (part.type !== 'tool-call' && part.type !== 'tool-result') return true;
  if (typeof part.toolCallId !== 'string' || typeof part.toolName !== 'string') return false;
  return (
    part.type === 'tool-call' || (isObject(part.output) && typeof part.output.type === 'string')
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
