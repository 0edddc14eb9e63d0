import Anthropic from '@anthropic-ai/sdk';
import { createHeadroom } from '@headroom/core/internal';
import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeProvider, type FakeProvider } from '../test-utils/fake-provider.js';
import {
  anthropicEvents,
  anthropicMessage,
  anthropicMessages,
  chatChunks,
  chatCompletion,
  chatMessages,
  retrieveCall,
  retrieveToolUse,
} from '../test-utils/replies.js';
import { withHeadroom } from './with-headroom.js';

let provider: FakeProvider;

beforeAll(async () => {
  provider = await startFakeProvider();
});
afterAll(() => provider.close());
beforeEach(() => {
  provider.requests.length = 0;
});

describe('withHeadroom(new OpenAI())', () => {
  it('compresses chat.completions.create and answers a retrieval round the caller never sees', async () => {
    const headroom = createHeadroom();
    const calls: Array<{ tokensBefore: number; tokensAfter: number }> = [];
    const client = withHeadroom(
      new OpenAI({ apiKey: 'sk-test', baseURL: `${provider.url}/v1`, maxRetries: 0 }),
      { headroom, onCall: (e) => calls.push(e) },
    );
    provider.reply((req) => ({ json: chatCompletion({ calls: [retrieveCall(req)] }) }), {
      json: chatCompletion({ text: 'Payment gateway timeout.' }),
    });
    const completion = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: chatMessages(),
    });
    expect(completion.choices[0]!.message.content).toBe('Payment gateway timeout.');
    expect(completion.choices[0]!.message.tool_calls).toBeUndefined();
    expect(calls).toHaveLength(1);
    expect(calls[0]!.tokensAfter).toBeLessThan(calls[0]!.tokensBefore / 2);
    expect(provider.requests).toHaveLength(2);
    expect(provider.requests[0]!.body.length).toBeLessThan(
      JSON.stringify(chatMessages()).length / 2,
    );
    expect(headroom.stats().ccr.puts).toBeGreaterThan(0);
  });

  it('streams through the SDK stream object', async () => {
    const client = withHeadroom(
      new OpenAI({ apiKey: 'sk-test', baseURL: `${provider.url}/v1`, maxRetries: 0 }),
    );
    provider.reply((req) => ({ sse: chatChunks({ call: retrieveCall(req) }) }), {
      sse: chatChunks({ text: ['Gateway ', 'timeout.'] }),
    });
    const stream = await client.chat.completions.create({
      model: 'gpt-4o',
      messages: chatMessages(),
      stream: true,
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe('Gateway timeout.');
  });

  it('passes every other endpoint and property through', async () => {
    const original = new OpenAI({
      apiKey: 'sk-test',
      baseURL: `${provider.url}/v1`,
      maxRetries: 0,
    });
    const client = withHeadroom(original);
    expect(client).toBeInstanceOf(OpenAI);
    expect(client.baseURL).toBe(original.baseURL);
    provider.reply({ json: { object: 'list', data: [{ id: 'gpt-4o', object: 'model' }] } });
    const models = await client.models.list();
    expect(models.data[0]!.id).toBe('gpt-4o');
    expect(provider.requests[0]!.path).toBe('/v1/models');
  });

  it('refuses something that is not an SDK client with a clear error', () => {
    expect(() => withHeadroom({} as never)).toThrow(/expects an OpenAI or Anthropic client/);
  });
});

describe('withHeadroom(new Anthropic())', () => {
  it('compresses messages.create and returns the provider message', async () => {
    const client = withHeadroom(
      new Anthropic({ apiKey: 'sk-ant-test', baseURL: provider.url, maxRetries: 0 }),
    );
    const reply = anthropicMessage({ text: 'Gateway timeout.' });
    provider.reply({ json: reply });
    const message = await client.messages.create({
      model: 'claude-sonnet-5',
      max_tokens: 100,
      messages: anthropicMessages(),
    });
    expect(message).toEqual(reply);
    expect(provider.requests[0]!.body.length).toBeLessThan(
      JSON.stringify(anthropicMessages()).length / 2,
    );
  });

  it('after maxRounds, asks once more with tool_choice none and streams that answer', async () => {
    const client = withHeadroom(
      new Anthropic({ apiKey: 'sk-ant-test', baseURL: provider.url, maxRetries: 0 }),
      { maxRounds: 1 },
    );
    const retrieveAgain = (req: Parameters<typeof markerKey>[0]) =>
      anthropicEvents({
        text: ['Looking. '],
        toolUse: retrieveToolUse(req, { id: `toolu_${provider.requests.length}` }),
      });
    provider.reply((req) =>
      (req.json!.tool_choice as { type?: string } | undefined)?.type === 'none'
        ? { sse: anthropicEvents({ text: ['From the summary.'] }) }
        : { sse: retrieveAgain(req) },
    );
    const final = await client.messages
      .stream({ model: 'claude-sonnet-5', max_tokens: 100, messages: anthropicMessages() })
      .finalMessage();
    expect(final.content).toEqual([
      { type: 'text', text: 'Looking. ' },
      { type: 'text', text: 'Looking. ' },
      { type: 'text', text: 'From the summary.' },
    ]);
    expect(final.stop_reason).toBe('end_turn');
    expect(provider.requests.map((r) => r.json!.tool_choice)).toEqual([
      undefined,
      undefined,
      { type: 'none' },
    ]);
    const last = (provider.requests[2]!.json!.messages as Array<{ content: unknown }>).at(-1)!;
    expect(last.content).toEqual([
      {
        type: 'tool_result',
        tool_use_id: 'toolu_2',
        content: expect.stringMatching(/^Not retrieved: the 1 retrieval rounds/),
        is_error: true,
      },
    ]);
  });

  it("hands a streamed turn that mixes retrieval with the application's tool back whole", async () => {
    const client = withHeadroom(
      new Anthropic({ apiKey: 'sk-ant-test', baseURL: provider.url, maxRetries: 0 }),
    );
    provider.reply((req) => {
      const [start, ...rest] = anthropicEvents({ toolUse: retrieveToolUse(req) });
      const app = anthropicEvents({
        toolUse: { id: 'toolu_app', name: 'read_logs', input: { service: 'payments' } },
      })
        .slice(1, 5)
        .map((e) => e.replace('"index":0', '"index":1'));
      return { sse: [start!, ...rest.slice(0, 4), ...app, ...rest.slice(4)] };
    });
    const final = await client.messages
      .stream({ model: 'claude-sonnet-5', max_tokens: 100, messages: anthropicMessages() })
      .finalMessage();
    expect(final.content.map((b) => (b.type === 'tool_use' ? b.name : b.type))).toEqual([
      'read_logs',
      'headroom_retrieve',
    ]);
    expect(final.stop_reason).toBe('tool_use');
    expect(provider.requests).toHaveLength(1);
  });

  it('answers retrieval inside messages.stream()', async () => {
    const client = withHeadroom(
      new Anthropic({ apiKey: 'sk-ant-test', baseURL: provider.url, maxRetries: 0 }),
    );
    provider.reply(
      (req) => ({ sse: anthropicEvents({ toolUse: retrieveToolUse(req, { query: 'timeout' }) }) }),
      { sse: anthropicEvents({ text: ['Row 77 ', 'timed out.'] }) },
    );
    const final = await client.messages
      .stream({ model: 'claude-sonnet-5', max_tokens: 100, messages: anthropicMessages() })
      .finalMessage();
    expect(final.content).toEqual([{ type: 'text', text: 'Row 77 timed out.' }]);
    expect(final.stop_reason).toBe('end_turn');
    const result = (
      provider.requests[1]!.json!.messages as Array<{ content: Array<{ content: string }> }>
    ).at(-1)!.content[0]!;
    expect(result.content).toContain('payment gateway timeout');
  });
});
