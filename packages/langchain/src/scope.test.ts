import { type BaseMessage, HumanMessage, ToolMessage } from '@langchain/core/messages';
import { MemorySaver } from '@langchain/langgraph';
import { createAgent } from 'langchain';
import { InvalidOptionError, RETRIEVE_TOOL_NAME } from '@headroom/core/internal';
import { describe, expect, it } from 'vitest';
import { headroomAgentMiddleware } from './agent-middleware.js';
import { HeadroomChatModel } from './headroom-chat-model.js';
import { conversation, markerKeys, toolTurn } from './test-utils/conversation.js';
import { releases } from './test-utils/payloads.js';
import { listReleasesTool } from './test-utils/release-agent.js';
import { ScriptedChatModel, reply } from './test-utils/scripted-chat-model.js';

/**
 * One model for every conversation: asks for `target.key` (default: the first marker it is shown)
 * once, then answers with what the retrieval returned, so a test reads what each conversation saw.
 */
function retriever() {
  const target: { key?: string } = {};
  const llm = new ScriptedChatModel((messages, call) => {
    const answered = messages.at(-1) as ToolMessage | undefined;
    if (answered?.name === RETRIEVE_TOOL_NAME)
      return reply(JSON.stringify({ status: answered.status, content: answered.content }), {
        id: `m${call}`,
      });
    const key = target.key ?? markerKeys(messages)[0]!;
    return reply('', {
      id: `m${call}`,
      calls: [{ name: RETRIEVE_TOOL_NAME, args: { key }, id: 'r1' }],
    });
  });
  return { llm, target };
}

/** Another user's conversation: another question, another (compressible) tool output. */
function otherConversation(): BaseMessage[] {
  const [human, ai] = toolTurn('Which releases were patches?', 'call_b');
  const patches = releases.filter((release) => !release.version.endsWith('.0'));
  return [
    human!,
    ai!,
    new ToolMessage({
      content: JSON.stringify(patches),
      tool_call_id: 'call_b',
      name: 'list_releases',
    }),
  ];
}

type Run = (
  model: HeadroomChatModel,
  messages: BaseMessage[],
  configurable?: Record<string, string>,
) => Promise<{ status: string; content: string }>;

const viaInvoke: Run = async (model, messages, configurable) =>
  JSON.parse(String((await model.invoke(messages, { configurable })).content));

const viaStream: Run = async (model, messages, configurable) => {
  let text = '';
  for await (const chunk of await model.stream(messages, { configurable })) text += chunk.text;
  return JSON.parse(text);
};

describe.each([
  ['invoke', viaInvoke],
  ['stream', viaStream],
])('one HeadroomChatModel, two conversations (%s)', (_name, run) => {
  it("B asking for A's key gets a miss that reveals nothing; A still retrieves it", async () => {
    const { llm, target } = retriever();
    const model = new HeadroomChatModel(llm);
    expect((await run(model, conversation())).status).toBe('success');
    target.key = markerKeys(llm.calls[0]!.messages)[0]!;

    const fromB = await run(model, otherConversation());
    expect(fromB.status).toBe('error');
    expect(fromB.content).toMatch(
      /^Error: No stored original for key [0-9a-f]+: nothing was stored/,
    );

    const fromA = await run(model, conversation());
    expect(fromA.status).toBe('success');
    expect(JSON.parse(fromA.content)).toEqual(releases);
  });

  it('threads are scopes: thread b cannot read what thread a stored; thread a can, whatever the opening', async () => {
    const { llm, target } = retriever();
    const model = new HeadroomChatModel(llm);
    await run(model, conversation(), { thread_id: 'a' });
    target.key = markerKeys(llm.calls[0]!.messages)[0]!;
    expect((await run(model, otherConversation(), { thread_id: 'b' })).status).toBe('error');
    expect((await run(model, otherConversation(), { thread_id: 'a' })).status).toBe('success');
  });

  it('configurable.headroom_scope shares originals across one tenant’s threads, and only there', async () => {
    const { llm, target } = retriever();
    const model = new HeadroomChatModel(llm);
    await run(model, conversation(), { thread_id: 'a', headroom_scope: 'acme' });
    target.key = markerKeys(llm.calls[0]!.messages)[0]!;
    const acme = await run(model, otherConversation(), { thread_id: 'b', headroom_scope: 'acme' });
    expect(acme.status).toBe('success');
    const globex = await run(model, otherConversation(), {
      thread_id: 'b',
      headroom_scope: 'globex',
    });
    expect(globex.status).toBe('error');
  });
});

describe('scope option', () => {
  it('a function of the call picks the tenant; a bad value is an InvalidOptionError naming it', async () => {
    const { llm, target } = retriever();
    const model = new HeadroomChatModel(llm, {
      scope: ({ config }) => (typeof config.user === 'string' ? `user:${config.user}` : undefined),
    });
    await model.invoke(conversation(), { configurable: { user: 'ann' } });
    target.key = markerKeys(llm.calls[0]!.messages)[0]!;
    expect((await viaInvoke(model, otherConversation(), { user: 'ann' })).status).toBe('success');
    expect((await viaInvoke(model, otherConversation(), { user: 'bob' })).status).toBe('error');

    expect(() => new HeadroomChatModel(llm, { scope: '' })).toThrow(InvalidOptionError);
    await expect(
      model.invoke(conversation(), { configurable: { headroom_scope: 'x'.repeat(600) } }),
    ).rejects.toMatchObject({ option: 'configurable.headroom_scope' });
  });
});

describe('retrieval with a query', () => {
  it("splits the original by its compressor's units (JSON items), as core's retrieval does", async () => {
    const llm = new ScriptedChatModel((messages, call) => {
      const answered = messages.at(-1) as ToolMessage | undefined;
      if (answered?.name === RETRIEVE_TOOL_NAME)
        return reply(String(answered.content), { id: `m${call}` });
      const args = { key: markerKeys(messages)[0]!, query: 'Mermaid' };
      return reply('', { id: `m${call}`, calls: [{ name: RETRIEVE_TOOL_NAME, args, id: 'r1' }] });
    });
    const answer = String((await new HeadroomChatModel(llm).invoke(conversation())).content);
    // Lines would give one unit, the whole one-line JSON; the JSON compressor's units are its items.
    const mentions = (release: (typeof releases)[number]) =>
      /mermaid/i.test(release.changes.join(' '));
    const version = (release: (typeof releases)[number]) => `"version":"${release.version}"`;
    expect(releases.filter(mentions).length).toBeGreaterThan(0);
    for (const release of releases.filter(mentions)) expect(answer).toContain(version(release));
    for (const release of releases.filter((r) => !mentions(r)))
      expect(answer).not.toContain(version(release));
  });
});

describe('headroomAgentMiddleware', () => {
  it("one middleware, two threads: thread b gets a miss for thread a's key, thread a retrieves it", async () => {
    // Each call of the app's tool returns other releases, so no thread holds the other's original.
    let served = 0;
    const listReleases = listReleasesTool(() => releases.slice(served++ * 20));
    const target: { key?: string } = {};
    const answers: Array<{ status?: string; content: string }> = [];
    const model = new ScriptedChatModel((messages, call) => {
      const last = messages.at(-1)!;
      if (HumanMessage.isInstance(last))
        return reply('', {
          id: `m${call}`,
          calls: [{ name: 'list_releases', args: { package: 'core' }, id: `c${call}` }],
        });
      if (ToolMessage.isInstance(last) && last.name === RETRIEVE_TOOL_NAME) {
        answers.push({ status: last.status, content: String(last.content) });
        return reply('done', { id: `m${call}` });
      }
      const key = target.key ?? markerKeys(messages).at(-1)!;
      return reply('', {
        id: `m${call}`,
        calls: [{ name: RETRIEVE_TOOL_NAME, args: { key }, id: `r${call}` }],
      });
    });
    const agent = createAgent({
      model,
      tools: [listReleases],
      middleware: [headroomAgentMiddleware()],
      checkpointer: new MemorySaver(),
    });
    const ask = (thread: string) =>
      agent.invoke(
        { messages: [new HumanMessage('Which release changed streaming?')] },
        { configurable: { thread_id: thread } },
      );

    await ask('a');
    expect(answers[0]!.status).toBe('success');
    target.key = markerKeys(model.calls[1]!.messages).at(-1)!;
    await ask('b');
    expect(answers[1]!.status).toBe('error');
    expect(answers[1]!.content).toMatch(/^Error: No stored original for key [0-9a-f]+: nothing/);
    await ask('a');
    expect(answers[2]!.status).toBe('success');
    expect(answers[2]!.content).toBe(JSON.stringify(releases));
  });
});
