/**
 * LangChain's standard unit tests for chat models (`ChatModelUnitTests` in `@langchain/standard-tests`)
 * cannot be installed: that package is private to the LangChain.js monorepo and not published to npm
 * (the registry answers 404). These are the same six checks, written here, with the same constructor
 * arguments it passes (`temperature`, `maxTokens`, `timeout`, `stopSequences`, `maxRetries`).
 */
import { StructuredTool } from '@langchain/core/tools';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { HeadroomChatModel } from './headroom-chat-model.js';
import { ScriptedChatModel, reply } from './test-utils/scripted-chat-model.js';

const person = z
  .object({
    name: z.string().describe('Name of the person'),
    age: z.number().int().positive().describe('Age of the person'),
  })
  .describe('A person');

class PersonTool extends StructuredTool {
  name = 'PersonTool';
  description = 'A person';
  schema = person;
  async _call(input: z.infer<typeof person>) {
    return JSON.stringify(input);
  }
}

/** A provider-like model that reports every LangSmith parameter a real integration does. */
class ProviderLikeModel extends ScriptedChatModel {
  override getLsParams(options: this['ParsedCallOptions']) {
    return {
      ...super.getLsParams(options),
      ls_provider: 'openai',
      ls_temperature: 0,
      ls_max_tokens: 100,
      ls_stop: options.stop ?? [],
    };
  }
}

const standardArgs = {
  temperature: 0,
  maxTokens: 100,
  timeout: 60,
  stopSequences: [],
  maxRetries: 2,
};
const create = (extra: Record<string, unknown> = {}) =>
  new HeadroomChatModel({ ...standardArgs, ...extra, llm: new ProviderLikeModel([reply('ok')]) });

describe('ChatModelUnitTests (LangChain standard tests, ported)', () => {
  it('should initialize chat model successfully', () => {
    expect(create()).toBeDefined();
  });
  it('should initialize chat model with API key', () => {
    expect(create({ apiKey: 'test' })).toBeDefined();
  });
  it('should initialize chat model with streaming enabled', () => {
    expect(create({ streaming: true })).toBeDefined();
  });
  it('should bind tools when tool calling is supported', () => {
    expect(create().bindTools([new PersonTool()])).toBeDefined();
  });
  it('should work with structured output when supported', () => {
    expect(create().withStructuredOutput(person)).toBeDefined();
  });
  it('should return standard LangSmith parameters', () => {
    const params = create().getLsParams({});
    expect(Object.keys(params).sort()).toEqual([
      'ls_max_tokens',
      'ls_model_name',
      'ls_model_type',
      'ls_provider',
      'ls_stop',
      'ls_temperature',
    ]);
  });
});
