import { cacheBreakpointMessages, type OpenAIMessage } from '@headroom/core/internal';
import { encodeTokens } from '../tokens.js';
import type { TokenizedRequest } from './prompt-cache.js';

/**
 * Tokenizes a request the way a provider lays it out: the tool list, then each message (role
 * marker, text, tool calls), pieces concatenated so a changed message changes everything after it.
 * Breakpoints follow `cacheBreakpointMessages` (what the integrations mark for Anthropic).
 * `memo` caches the tokens of pieces seen on earlier turns.
 */
export function tokenizeRequest(
  tools: readonly unknown[],
  messages: readonly OpenAIMessage[],
  memo: Map<string, number[]>,
): TokenizedRequest {
  const encode = (piece: string): number[] => {
    let tokens = memo.get(piece);
    if (!tokens) memo.set(piece, (tokens = encodeTokens(piece)));
    return tokens;
  };
  const tokens: number[] = [...encode(`<tools>${JSON.stringify(tools)}</tools>`)];
  const ends: number[] = [];
  for (const message of messages) {
    const content =
      typeof message.content === 'string' ? message.content : JSON.stringify(message.content ?? '');
    const calls = message.tool_calls ? JSON.stringify(message.tool_calls) : '';
    for (const token of encode(`<|${message.role}|>${content}${calls}<|end|>`)) tokens.push(token);
    ends.push(tokens.length);
  }
  return { tokens, breakpoints: cacheBreakpointMessages(messages).map((index) => ends[index]!) };
}
