import { HumanMessage } from '@langchain/core/messages';
import { FakeListChatModel } from '@langchain/core/utils/testing';
import { describe, expect, it } from 'vitest';
import { headroomAgentMiddleware } from './langchain-agent.js';
import { HeadroomChatModel } from './langchain.js';

describe('headroom-ai/langchain', () => {
  it('offers HeadroomChatModel and the agent middleware by name', async () => {
    const model = new HeadroomChatModel(new FakeListChatModel({ responses: ['hello'] }));
    expect((await model.invoke([new HumanMessage('hi')])).content).toBe('hello');
    expect(headroomAgentMiddleware().name).toBe('HeadroomMiddleware');
  });
});
