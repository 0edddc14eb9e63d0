import { wrapLanguageModel, type LanguageModelMiddleware } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { headroomMiddleware } from './headroom-middleware.js';

// Type-checked against AI SDK 6 (`typecheck`) and AI SDK 7 (`test:ai7`): one object serves both.
const middleware: LanguageModelMiddleware = headroomMiddleware();

describe('headroomMiddleware() as a LanguageModelMiddleware', () => {
  it('keeps the provider and model id of the wrapped model', () => {
    const wrapped = wrapLanguageModel({
      model: new MockLanguageModelV3({
        provider: 'anthropic.messages',
        modelId: 'claude-sonnet-4-5',
      }),
      middleware,
    });
    expect([wrapped.provider, wrapped.modelId]).toEqual([
      'anthropic.messages',
      'claude-sonnet-4-5',
    ]);
  });
});
