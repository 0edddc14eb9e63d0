// The README's "OpenAI and Anthropic clients" snippet, type-checked by with-headroom-types.test.ts.
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { withHeadroom } from '../with-headroom.js';

const openai: OpenAI = withHeadroom(new OpenAI({ apiKey: 'sk-test' }));
const anthropic: Anthropic = withHeadroom(new Anthropic({ apiKey: 'sk-test' }));
export const methods = [
  openai.chat.completions.create,
  openai.responses.create,
  anthropic.messages.create,
  anthropic.messages.stream,
];
