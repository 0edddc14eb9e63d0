import { findMarkerKeys } from '@headroom/core/internal';
import type { RecordedRequest } from './fake-provider.js';

const sse = (data: unknown, event?: string) =>
  `${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

/** A checkout service's log records as one tool output: 120 near-identical lines and one error, which compresses. */
export function logRecords(): string {
  const rows = Array.from({ length: 120 }, (_, i) => ({
    id: i,
    level: i === 77 ? 'error' : 'info',
    service: 'checkout',
    message:
      i === 77 ? 'payment gateway timeout after 30s' : `request ${i} served in ${10 + (i % 7)}ms`,
    ts: `2026-11-30T10:${String(i % 60).padStart(2, '0')}:00Z`,
  }));
  return JSON.stringify(rows);
}

/** The first CCR key in what the provider received. */
export function markerKey(request: RecordedRequest): string {
  const key = findMarkerKeys(request.body)[0];
  if (!key) throw new Error('the provider received no CCR marker');
  return key;
}

/** The model's `headroom_retrieve` call for the request's first marker, as OpenAI's APIs carry it (JSON arguments). */
export function retrieveCall(
  request: RecordedRequest,
  { id = 'call_r', query }: { id?: string; query?: string } = {},
) {
  const input = { key: markerKey(request), ...(query ? { query } : {}) };
  return { id, name: 'headroom_retrieve', arguments: JSON.stringify(input) };
}

/** The same call as an Anthropic tool use (JSON input). */
export function retrieveToolUse(
  request: RecordedRequest,
  { id = 'toolu_r', query }: { id?: string; query?: string } = {},
) {
  return {
    id,
    name: 'headroom_retrieve',
    input: { key: markerKey(request), ...(query ? { query } : {}) },
  };
}

/** OpenAI Chat Completions conversation with one tool output. */
export function chatMessages(output = logRecords()) {
  return [
    { role: 'user' as const, content: 'Why did checkout fail?' },
    {
      role: 'assistant' as const,
      content: null,
      tool_calls: [
        {
          id: 'call_logs',
          type: 'function' as const,
          function: { name: 'read_logs', arguments: '{"service":"checkout"}' },
        },
      ],
    },
    { role: 'tool' as const, tool_call_id: 'call_logs', content: output },
  ];
}

/** Anthropic Messages conversation with one tool output. */
export function anthropicMessages(output = logRecords()) {
  return [
    { role: 'user' as const, content: 'Why did checkout fail?' },
    {
      role: 'assistant' as const,
      content: [
        {
          type: 'tool_use' as const,
          id: 'toolu_logs',
          name: 'read_logs',
          input: { service: 'checkout' },
        },
      ],
    },
    {
      role: 'user' as const,
      content: [{ type: 'tool_result' as const, tool_use_id: 'toolu_logs', content: output }],
    },
  ];
}

/** Responses API input with one function output. */
export function responsesInput(output = logRecords()) {
  return [
    { role: 'user' as const, content: 'Why did checkout fail?' },
    {
      type: 'function_call' as const,
      call_id: 'call_logs',
      name: 'read_logs',
      arguments: '{"service":"checkout"}',
    },
    { type: 'function_call_output' as const, call_id: 'call_logs', output },
  ];
}

const usage = { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110 };

/** A chat completion with text, or with tool calls. */
export function chatCompletion(reply: {
  text?: string;
  calls?: Array<{ id: string; name: string; arguments: string }>;
}) {
  const toolCalls = reply.calls?.map((c) => ({
    id: c.id,
    type: 'function',
    function: { name: c.name, arguments: c.arguments },
  }));
  return {
    id: 'chatcmpl-1',
    object: 'chat.completion',
    created: 1764496800,
    model: 'gpt-4o',
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: reply.text ?? null,
          refusal: null,
          ...(toolCalls ? { tool_calls: toolCalls } : {}),
        },
        logprobs: null,
        finish_reason: toolCalls ? 'tool_calls' : 'stop',
      },
    ],
    usage,
  };
}

/** Chat Completions chunks: the text in pieces, or one tool call with its arguments in two pieces. */
export function chatChunks(reply: {
  text?: string[];
  call?: { id: string; name: string; arguments: string };
}): string[] {
  const base = {
    id: 'chatcmpl-2',
    object: 'chat.completion.chunk',
    created: 1764496800,
    model: 'gpt-4o',
  };
  const chunk = (delta: unknown, finish: string | null = null) =>
    sse({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }] });
  const events = [chunk({ role: 'assistant', content: '' })];
  for (const piece of reply.text ?? []) events.push(chunk({ content: piece }));
  if (reply.call) {
    const half = Math.floor(reply.call.arguments.length / 2);
    events.push(
      chunk({
        tool_calls: [
          {
            index: 0,
            id: reply.call.id,
            type: 'function',
            function: { name: reply.call.name, arguments: reply.call.arguments.slice(0, half) },
          },
        ],
      }),
    );
    events.push(
      chunk({
        tool_calls: [{ index: 0, function: { arguments: reply.call.arguments.slice(half) } }],
      }),
    );
  }
  events.push(chunk({}, reply.call ? 'tool_calls' : 'stop'));
  events.push(sse({ ...base, choices: [], usage }));
  events.push(sse('[DONE]'));
  return events;
}

const anthropicUsage = { input_tokens: 100, output_tokens: 10 };

/** An Anthropic message with text, or with one tool use. */
export function anthropicMessage(reply: {
  text?: string;
  toolUse?: { id: string; name: string; input: unknown };
}) {
  const content = [
    ...(reply.text ? [{ type: 'text', text: reply.text }] : []),
    ...(reply.toolUse ? [{ type: 'tool_use', ...reply.toolUse }] : []),
  ];
  return {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-5',
    content,
    stop_reason: reply.toolUse ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: anthropicUsage,
  };
}

/** Anthropic stream events: text in pieces, or one tool use with its JSON in two pieces. */
export function anthropicEvents(reply: {
  text?: string[];
  toolUse?: { id: string; name: string; input: unknown };
}): string[] {
  const ev = (data: { type: string }) => sse(data, data.type);
  const message = {
    id: 'msg_2',
    type: 'message',
    role: 'assistant',
    model: 'claude-sonnet-5',
    content: [],
    stop_reason: null,
    stop_sequence: null,
    usage: { input_tokens: 100, output_tokens: 1 },
  };
  const events = [ev({ type: 'message_start', message } as { type: string })];
  let index = 0;
  if (reply.text) {
    events.push(
      ev({ type: 'content_block_start', index, content_block: { type: 'text', text: '' } } as {
        type: string;
      }),
    );
    for (const piece of reply.text)
      events.push(
        ev({ type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } } as {
          type: string;
        }),
      );
    events.push(ev({ type: 'content_block_stop', index } as { type: string }));
    index += 1;
  }
  if (reply.toolUse) {
    const json = JSON.stringify(reply.toolUse.input);
    const half = Math.floor(json.length / 2);
    events.push(
      ev({
        type: 'content_block_start',
        index,
        content_block: {
          type: 'tool_use',
          id: reply.toolUse.id,
          name: reply.toolUse.name,
          input: {},
        },
      } as { type: string }),
    );
    events.push(
      ev({
        type: 'content_block_delta',
        index,
        delta: { type: 'input_json_delta', partial_json: json.slice(0, half) },
      } as { type: string }),
    );
    events.push(
      ev({
        type: 'content_block_delta',
        index,
        delta: { type: 'input_json_delta', partial_json: json.slice(half) },
      } as { type: string }),
    );
    events.push(ev({ type: 'content_block_stop', index } as { type: string }));
  }
  events.push(
    ev({
      type: 'message_delta',
      delta: { stop_reason: reply.toolUse ? 'tool_use' : 'end_turn', stop_sequence: null },
      usage: { output_tokens: 10 },
    } as { type: string }),
  );
  events.push(ev({ type: 'message_stop' }));
  return events;
}

const responsesUsage = {
  input_tokens: 100,
  output_tokens: 10,
  total_tokens: 110,
  input_tokens_details: { cached_tokens: 0 },
  output_tokens_details: { reasoning_tokens: 0 },
};

function responsesOutput(reply: {
  text?: string;
  call?: { id: string; name: string; arguments: string };
}) {
  if (reply.call)
    return [
      {
        type: 'function_call',
        id: 'fc_1',
        call_id: reply.call.id,
        name: reply.call.name,
        arguments: reply.call.arguments,
        status: 'completed',
      },
    ];
  return [
    {
      type: 'message',
      id: 'msg_1',
      role: 'assistant',
      status: 'completed',
      content: [{ type: 'output_text', text: reply.text ?? '', annotations: [] }],
    },
  ];
}

/** A Responses API response with text or one function call. */
export function responsesResponse(reply: {
  text?: string;
  call?: { id: string; name: string; arguments: string };
}) {
  return {
    id: 'resp_1',
    object: 'response',
    created_at: 1764496800,
    status: 'completed',
    model: 'gpt-4.1',
    output: responsesOutput(reply),
    usage: responsesUsage,
  };
}

/** Responses API stream events for text in pieces, or one function call. */
export function responsesEvents(reply: {
  text?: string[];
  call?: { id: string; name: string; arguments: string };
}): string[] {
  let seq = 0;
  const ev = (data: Record<string, unknown>) =>
    sse({ ...data, sequence_number: seq++ }, data.type as string);
  const full = responsesResponse({ text: reply.text?.join(''), call: reply.call });
  const events = [
    ev({ type: 'response.created', response: { ...full, status: 'in_progress', output: [] } }),
  ];
  const item = full.output[0]!;
  if (reply.call) {
    events.push(
      ev({
        type: 'response.output_item.added',
        output_index: 0,
        item: { ...item, arguments: '', status: 'in_progress' },
      }),
    );
    events.push(
      ev({
        type: 'response.function_call_arguments.delta',
        output_index: 0,
        item_id: 'fc_1',
        delta: reply.call.arguments,
      }),
    );
    events.push(
      ev({
        type: 'response.function_call_arguments.done',
        output_index: 0,
        item_id: 'fc_1',
        arguments: reply.call.arguments,
      }),
    );
  } else {
    events.push(
      ev({
        type: 'response.output_item.added',
        output_index: 0,
        item: { ...item, content: [], status: 'in_progress' },
      }),
    );
    events.push(
      ev({
        type: 'response.content_part.added',
        output_index: 0,
        item_id: 'msg_1',
        content_index: 0,
        part: { type: 'output_text', text: '', annotations: [] },
      }),
    );
    for (const piece of reply.text ?? [])
      events.push(
        ev({
          type: 'response.output_text.delta',
          output_index: 0,
          item_id: 'msg_1',
          content_index: 0,
          delta: piece,
          logprobs: [],
        }),
      );
    events.push(
      ev({
        type: 'response.output_text.done',
        output_index: 0,
        item_id: 'msg_1',
        content_index: 0,
        text: reply.text?.join('') ?? '',
        logprobs: [],
      }),
    );
    events.push(
      ev({
        type: 'response.content_part.done',
        output_index: 0,
        item_id: 'msg_1',
        content_index: 0,
        part: { type: 'output_text', text: reply.text?.join('') ?? '', annotations: [] },
      }),
    );
  }
  events.push(ev({ type: 'response.output_item.done', output_index: 0, item }));
  events.push(ev({ type: 'response.completed', response: full }));
  return events;
}
