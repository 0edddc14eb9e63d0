import Anthropic from '@anthropic-ai/sdk';
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
  markerKey,
  responsesEvents,
  responsesInput,
  responsesResponse,
  retrieveCall,
  retrieveToolUse,
} from '../test-utils/replies.js';
import type { ProxyStats } from './create-proxy-app.js';
import { startProxy, type RunningProxy } from './start-proxy.js';

const openaiKey = 'sk-test-openai-secret-0123456789';
const anthropicKey = 'sk-ant-test-secret-0123456789';

let provider: FakeProvider;
let proxy: RunningProxy;
let logs: string[];
let openai: OpenAI;
let anthropic: Anthropic;

beforeAll(async () => {
  provider = await startFakeProvider();
  proxy = await startProxy({
    port: 0,
    upstreams: { openai: provider.url, anthropic: provider.url },
    maxBodyBytes: 256 * 1024,
    log: (line) => logs.push(line),
  });
  openai = new OpenAI({ apiKey: openaiKey, baseURL: `${proxy.url}/v1`, maxRetries: 0 });
  anthropic = new Anthropic({ apiKey: anthropicKey, baseURL: proxy.url, maxRetries: 0 });
});

afterAll(async () => {
  await proxy.close();
  await provider.close();
});

beforeEach(() => {
  provider.requests.length = 0;
  logs = [];
});

describe('headroom proxy with the official OpenAI client', () => {
  it('sends the tool output compressed upstream and returns the provider response unchanged', async () => {
    const reply = chatCompletion({ text: 'The payment gateway timed out.' });
    provider.reply({ json: reply });
    const messages = chatMessages();
    const completion = await openai.chat.completions.create({ model: 'gpt-4o', messages });
    expect(completion).toEqual(reply);

    const [sent] = provider.requests;
    expect(sent!.path).toBe('/v1/chat/completions');
    const toolContent = (sent!.json!.messages as Array<{ content: string }>)[2]!.content;
    expect(toolContent.length).toBeLessThan(messages[2]!.content.length / 2);
    expect(toolContent).toContain('payment gateway timeout');
    expect(toolContent).toMatch(/<<ccr:[0-9a-f]{24} /);
    expect(
      (sent!.json!.tools as Array<{ function: { name: string } }>).map((t) => t.function.name),
    ).toEqual(['headroom_retrieve']);
    expect(sent!.headers.authorization).toBe(`Bearer ${openaiKey}`);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(
      /^POST \/v1\/chat\/completions 200 openai-chat gpt-4o tokens [\d,]+→[\d,]+ \d+ms$/,
    );
    expect(logs.join('\n')).not.toContain(openaiKey);
    expect(logs.join('\n')).not.toContain('checkout');
  });

  it('relays the provider bytes as they were sent when there is nothing to answer', async () => {
    const reply = chatCompletion({ text: 'ok' });
    provider.reply({ json: reply });
    const res = await fetch(`${proxy.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${openaiKey}` },
      body: JSON.stringify({ model: 'gpt-4o', messages: chatMessages() }),
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(JSON.stringify(reply));
  });

  it('answers a headroom_retrieve call inside the proxy and returns only the final answer', async () => {
    provider.reply(
      (req) => ({ json: chatCompletion({ calls: [retrieveCall(req, { query: 'error' })] }) }),
      { json: chatCompletion({ text: 'Row 77: payment gateway timeout.' }) },
    );
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: chatMessages(),
    });
    expect(completion.choices[0]!.message).toEqual({
      role: 'assistant',
      content: 'Row 77: payment gateway timeout.',
      refusal: null,
    });
    expect(completion.usage).toEqual({
      prompt_tokens: 200,
      completion_tokens: 20,
      total_tokens: 220,
    });
    expect(provider.requests).toHaveLength(2);
    const followUp = provider.requests[1]!.json!.messages as Array<{
      role: string;
      content: string;
      tool_call_id?: string;
    }>;
    expect(followUp.slice(-2).map((m) => m.role)).toEqual(['assistant', 'tool']);
    expect(followUp.at(-1)!.tool_call_id).toBe('call_r');
    expect(followUp.at(-1)!.content).toContain('"id":77');
  });

  it('streams chunks in order, the first one before the provider has finished', async () => {
    provider.reply({ sse: chatChunks({ text: ['The ', 'gateway ', 'timed out.'] }), holdAfter: 1 });
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: chatMessages(),
      stream: true,
      stream_options: { include_usage: true },
    });
    const iterator = stream[Symbol.asyncIterator]();
    const seen: string[] = [];
    // The provider is paused after its second event: these arrive while it is still open.
    for (let i = 0; i < 2; i++)
      seen.push((await iterator.next()).value.choices[0]?.delta?.content ?? '');
    expect(seen).toEqual(['', 'The ']);
    provider.release();
    for (let next = await iterator.next(); !next.done; next = await iterator.next())
      seen.push(next.value.choices[0]?.delta?.content ?? '');
    expect(seen.join('')).toBe('The gateway timed out.');
  });

  it('answers a retrieval round in a stream: one stream, no retrieval call, summed usage', async () => {
    provider.reply((req) => ({ sse: chatChunks({ call: retrieveCall(req) }) }), {
      sse: chatChunks({ text: ['Payment ', 'gateway timeout.'] }),
    });
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: chatMessages(),
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('')).toBe(
      'Payment gateway timeout.',
    );
    expect(chunks.some((c) => c.choices[0]?.delta?.tool_calls)).toBe(false);
    expect(
      chunks.filter((c) => c.choices[0]?.finish_reason).map((c) => c.choices[0]!.finish_reason),
    ).toEqual(['stop']);
    expect(chunks.at(-1)!.usage).toEqual({
      prompt_tokens: 200,
      completion_tokens: 20,
      total_tokens: 220,
    });
    const toolMessage = (
      provider.requests[1]!.json!.messages as Array<{ role: string; content: string }>
    ).at(-1)!;
    expect(toolMessage.role).toBe('tool');
    expect(toolMessage.content).toContain('payment gateway timeout');
  });

  /** Retrieves whenever a tool may be called; answers once tool_choice is none. */
  const alwaysRetrieves = (stream: boolean) => (req: Parameters<typeof markerKey>[0]) => {
    if (req.json!.tool_choice === 'none') {
      const text = ['Going by the summary: ', 'a payment gateway timeout.'];
      return stream
        ? { sse: chatChunks({ text }) }
        : { json: chatCompletion({ text: text.join('') }) };
    }
    const call = retrieveCall(req, { id: `call_${provider.requests.length}` });
    return stream ? { sse: chatChunks({ call }) } : { json: chatCompletion({ calls: [call] }) };
  };

  it('makes a final call with tool_choice none when the retrieval rounds run out, and returns its answer', async () => {
    const before = (await (await fetch(`${proxy.url}/stats`)).json()) as ProxyStats;
    provider.reply(alwaysRetrieves(false));
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: chatMessages(),
    });
    expect(completion.choices[0]!.message.content).toBe(
      'Going by the summary: a payment gateway timeout.',
    );
    expect(completion.choices[0]!.message.tool_calls).toBeUndefined();
    expect(completion.choices[0]!.finish_reason).toBe('stop');
    // The first call, three answered rounds (the default maxRounds), the final call.
    expect(provider.requests.map((r) => r.json!.tool_choice)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      'none',
    ]);
    const final = provider.requests[4]!.json!;
    expect((final.tools as Array<{ function: { name: string } }>)[0]!.function.name).toBe(
      'headroom_retrieve',
    );
    const note = (final.messages as Array<{ role: string; content: string }>).at(-1)!;
    expect(note).toMatchObject({ role: 'tool', tool_call_id: 'call_4' });
    expect(note.content).toMatch(
      /^Not retrieved: the 3 retrieval rounds of this request are used up/,
    );
    const after = (await (await fetch(`${proxy.url}/stats`)).json()) as ProxyStats;
    expect(after.retrieval.exhausted - before.retrieval.exhausted).toBe(1);
    expect(after.retrieval.rounds - before.retrieval.rounds).toBe(3);
  });

  it('streams the final round after the retrieval rounds run out', async () => {
    provider.reply(alwaysRetrieves(true));
    const stream = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: chatMessages(),
      stream: true,
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? '').join('')).toBe(
      'Going by the summary: a payment gateway timeout.',
    );
    expect(chunks.some((c) => c.choices[0]?.delta?.tool_calls)).toBe(false);
    expect(
      chunks.filter((c) => c.choices[0]?.finish_reason).map((c) => c.choices[0]!.finish_reason),
    ).toEqual(['stop']);
    expect(provider.requests).toHaveLength(5);
    expect(provider.requests[4]!.json!.tool_choice).toBe('none');
  });

  it("returns a turn that mixes headroom_retrieve with the application's own tool calls unchanged", async () => {
    const mixed = (key: string) =>
      chatCompletion({
        calls: [
          { id: 'call_r', name: 'headroom_retrieve', arguments: JSON.stringify({ key }) },
          { id: 'call_app', name: 'read_logs', arguments: '{"service":"payments"}' },
        ],
      });
    provider.reply((req) => ({ json: mixed(markerKey(req)) }));
    const completion = await openai.chat.completions.create({
      model: 'gpt-4o',
      messages: chatMessages(),
    });
    expect(
      completion.choices[0]!.message.tool_calls!.map(
        (c) => (c as { function: { name: string } }).function.name,
      ),
    ).toEqual(['headroom_retrieve', 'read_logs']);
    expect(provider.requests).toHaveLength(1);
  });

  it('passes upstream 4xx and 5xx responses back unchanged', async () => {
    const limited = {
      error: {
        message: 'Rate limit reached for gpt-4o',
        type: 'requests',
        param: null,
        code: 'rate_limit_exceeded',
      },
    };
    provider.reply({ status: 429, json: limited, headers: { 'retry-after': '7' } });
    const error = await openai.chat.completions
      .create({ model: 'gpt-4o', messages: chatMessages() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OpenAI.RateLimitError);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).error).toEqual(limited.error);
    expect((error as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe(
      '7',
    );

    provider.reply({
      status: 503,
      json: { error: { message: 'overloaded', type: 'server_error' } },
    });
    const res = await fetch(`${proxy.url}/v1/chat/completions`, {
      method: 'POST',
      body: JSON.stringify({ model: 'gpt-4o', messages: [] }),
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ error: { message: 'overloaded', type: 'server_error' } });
  });

  it('works with the Responses API, a retrieval round included, streaming and not', async () => {
    provider.reply((req) => ({ json: responsesResponse({ call: retrieveCall(req) }) }), {
      json: responsesResponse({ text: 'Gateway timeout.' }),
    });
    const response = await openai.responses.create({ model: 'gpt-4.1', input: responsesInput() });
    expect(response.output_text).toBe('Gateway timeout.');
    expect(response.output.map((item) => item.type)).toEqual(['message']);
    const sent = provider.requests[0]!.json!.input as Array<{ output?: string }>;
    expect(sent[2]!.output!.length).toBeLessThan(responsesInput()[2]!.output.length / 2);
    expect(
      (provider.requests[1]!.json!.input as Array<{ type?: string; output?: string }>).at(-1),
    ).toMatchObject({ type: 'function_call_output', call_id: 'call_r' });

    provider.requests.length = 0;
    provider.reply((req) => ({ sse: responsesEvents({ call: retrieveCall(req) }) }), {
      sse: responsesEvents({ text: ['Gateway ', 'timeout.'] }),
    });
    const stream = await openai.responses.create({
      model: 'gpt-4.1',
      input: responsesInput(),
      stream: true,
    });
    const types: string[] = [];
    let completed: { output: unknown[]; usage?: { input_tokens: number } } | undefined;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'response.completed') completed = event.response as never;
    }
    expect(types.filter((t) => t === 'response.created')).toHaveLength(1);
    expect(types).not.toContain('response.function_call_arguments.delta');
    expect(completed!.output).toHaveLength(1);
    expect(completed!.usage!.input_tokens).toBe(200);
    expect(provider.requests).toHaveLength(2);
  });

  it('forwards other paths unchanged', async () => {
    provider.reply({ json: { object: 'list', data: [{ id: 'gpt-4o', object: 'model' }] } });
    const models = await openai.models.list();
    expect(models.data.map((m) => m.id)).toEqual(['gpt-4o']);
    expect(provider.requests[0]!.method).toBe('GET');
    expect(provider.requests[0]!.path).toBe('/v1/models');
  });
});

describe('headroom proxy with the official Anthropic client', () => {
  it('compresses, forwards the key without logging it, and returns the message unchanged', async () => {
    const reply = anthropicMessage({ text: 'The payment gateway timed out.' });
    provider.reply({ json: reply });
    const message = await anthropic.messages.create({
      model: 'claude-sonnet-5',
      max_tokens: 512,
      messages: anthropicMessages(),
    });
    expect(message).toEqual(reply);
    const sent = provider.requests[0]!;
    expect(sent.path).toBe('/v1/messages');
    // This SDK version sends the key as a bearer token.
    expect(sent.headers.authorization).toBe(`Bearer ${anthropicKey}`);
    expect(sent.headers['anthropic-version']).toBeDefined();
    const block = (sent.json!.messages as Array<{ content: Array<{ content: string }> }>)[2]!
      .content[0]!;
    expect(block.content.length).toBeLessThan(
      anthropicMessages()[2]!.content[0]!.content.length / 2,
    );
    expect((sent.json!.tools as Array<{ name: string }>).map((t) => t.name)).toEqual([
      'headroom_retrieve',
    ]);
    expect(logs.join('\n')).not.toContain(anthropicKey);
  });

  it('answers a retrieval round inside the proxy', async () => {
    provider.reply(
      (req) => ({
        json: anthropicMessage({ toolUse: retrieveToolUse(req, { query: 'timeout' }) }),
      }),
      { json: anthropicMessage({ text: 'Row 77 timed out.' }) },
    );
    const message = await anthropic.messages.create({
      model: 'claude-sonnet-5',
      max_tokens: 512,
      messages: anthropicMessages(),
    });
    expect(message.content).toEqual([{ type: 'text', text: 'Row 77 timed out.' }]);
    expect(message.stop_reason).toBe('end_turn');
    expect(message.usage).toEqual({ input_tokens: 200, output_tokens: 20 });
    const last = (
      provider.requests[1]!.json!.messages as Array<{
        role: string;
        content: Array<{ type: string; tool_use_id: string; content: string }>;
      }>
    ).at(-1)!;
    expect(last.content[0]).toMatchObject({ type: 'tool_result', tool_use_id: 'toolu_r' });
    expect(last.content[0]!.content).toContain('payment gateway timeout');
  });

  it('streams with messages.stream(), the first text before the provider finishes, retrieval included', async () => {
    provider.reply(
      (req) => ({
        sse: anthropicEvents({
          text: ['Let me look. '],
          toolUse: retrieveToolUse(req),
        }),
        holdAfter: 2,
      }),
      { sse: anthropicEvents({ text: ['Row 77: ', 'gateway timeout.'] }) },
    );
    const stream = anthropic.messages.stream({
      model: 'claude-sonnet-5',
      max_tokens: 512,
      messages: anthropicMessages(),
    });
    const texts: string[] = [];
    const first = new Promise<void>((resolve) =>
      stream.on('text', (t) => {
        texts.push(t);
        resolve();
      }),
    );
    await first;
    // Still held by the provider: the first text came through the proxy while the upstream response was open.
    expect(provider.requests).toHaveLength(1);
    provider.release();
    const final = await stream.finalMessage();
    expect(texts.join('')).toBe('Let me look. Row 77: gateway timeout.');
    expect(final.content).toEqual([
      { type: 'text', text: 'Let me look. ' },
      { type: 'text', text: 'Row 77: gateway timeout.' },
    ]);
    expect(final.stop_reason).toBe('end_turn');
    expect(provider.requests).toHaveLength(2);
  });

  it('passes an upstream error back with its status and body', async () => {
    const overloaded = {
      type: 'error',
      error: { type: 'overloaded_error', message: 'Overloaded' },
    };
    provider.reply({ status: 529, json: overloaded });
    const error = await anthropic.messages
      .create({ model: 'claude-sonnet-5', max_tokens: 10, messages: anthropicMessages() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Anthropic.APIError);
    expect((error as InstanceType<typeof Anthropic.APIError>).status).toBe(529);
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toEqual(overloaded);
  });
});

describe('headroom proxy limits and service endpoints', () => {
  it('answers an oversized body with 413 before reaching the provider', async () => {
    const error = await anthropic.messages
      .create({
        model: 'claude-sonnet-5',
        max_tokens: 10,
        messages: [{ role: 'user', content: 'x'.repeat(300 * 1024) }],
      })
      .catch((e: unknown) => e);
    expect((error as InstanceType<typeof Anthropic.APIError>).status).toBe(413);
    expect((error as InstanceType<typeof Anthropic.APIError>).error).toEqual({
      type: 'error',
      error: { type: 'request_too_large', message: 'Request body is larger than 262144 bytes' },
    });
    expect(provider.requests).toHaveLength(0);
  });

  it('answers malformed JSON with 400 and a clear message', async () => {
    const res = await fetch(`${proxy.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model": "gpt-4o", "messages": [',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { message: string; type: string } };
    expect(body.error.type).toBe('invalid_request_error');
    expect(body.error.message).toMatch(/^Request body is not valid JSON: /);
    expect(provider.requests).toHaveLength(0);
  });

  it('aborts the upstream call when the client goes away', async () => {
    provider.reply({ sse: chatChunks({ text: ['a', 'b'] }), holdAfter: 0 });
    const controller = new AbortController();
    const stream = await openai.chat.completions.create(
      { model: 'gpt-4o', messages: chatMessages(), stream: true },
      { signal: controller.signal },
    );
    await stream[Symbol.asyncIterator]().next();
    controller.abort();
    await provider.aborted;
    provider.release();
  });

  it('answers 504 when the provider sends no response headers in time', async () => {
    const impatient = await startProxy({
      port: 0,
      upstreams: { openai: provider.url },
      upstreamTimeoutMs: 300,
    });
    try {
      provider.reply({ json: chatCompletion({ text: 'late' }), holdHeaders: true });
      const res = await fetch(`${impatient.url}/v1/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ model: 'gpt-4o', messages: [] }),
      });
      expect(res.status).toBe(504);
      expect(await res.json()).toEqual({
        error: {
          message: 'The provider sent no response within 300 ms',
          type: 'api_error',
          param: null,
          code: null,
        },
      });
    } finally {
      provider.release();
      await impatient.close();
    }
  });

  it('reports health and counters', async () => {
    expect(await (await fetch(`${proxy.url}/health`)).json()).toEqual({ status: 'ok' });
    const stats = (await (await fetch(`${proxy.url}/stats`)).json()) as {
      requests: number;
      compressedRequests: number;
      retrieval: { rounds: number };
    };
    expect(stats.requests).toBeGreaterThan(5);
    expect(stats.compressedRequests).toBeGreaterThan(3);
    expect(stats.retrieval.rounds).toBeGreaterThanOrEqual(4);
  });
});
