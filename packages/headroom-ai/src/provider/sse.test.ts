import { describe, expect, it } from 'vitest';
import { formatSse, readSse } from './sse.js';

function streamOf(pieces: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const piece of pieces) controller.enqueue(encoder.encode(piece));
      controller.close();
    },
  });
}

async function events(pieces: string[]) {
  const out = [];
  for await (const event of readSse(streamOf(pieces))) out.push(event);
  return out;
}

describe('readSse', () => {
  it("yields events split anywhere across chunks, keeping each one's bytes", async () => {
    const text = 'event: message_start\ndata: {"a":1}\n\ndata: [DONE]\n\n';
    const split = [...text].map((c) => c);
    expect(await events(split)).toEqual([
      { event: 'message_start', data: '{"a":1}', raw: 'event: message_start\ndata: {"a":1}\n\n' },
      { data: '[DONE]', raw: 'data: [DONE]\n\n' },
    ]);
  });

  it('reads CRLF line ends, multi-line data, comments, and a last event without its blank line', async () => {
    expect(
      await events([': keep-alive\r\n\r\n', 'data: one\r\ndata: two\r\n\r\n', 'data: tail']),
    ).toEqual([
      { data: '', raw: ': keep-alive\r\n\r\n' },
      { data: 'one\ntwo', raw: 'data: one\r\ndata: two\r\n\r\n' },
      { data: 'tail', raw: 'data: tail\n\n' },
    ]);
  });

  it('keeps multi-byte characters split between chunks whole', async () => {
    const bytes = new TextEncoder().encode('data: héllo ✓\n\n');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
        controller.close();
      },
    });
    const out = [];
    for await (const event of readSse(stream)) out.push(event.data);
    expect(out).toEqual(['héllo ✓']);
  });
});

describe('formatSse', () => {
  it('writes one data line per line, after the event name', () => {
    expect(formatSse('{"a":1}', 'ping')).toBe('event: ping\ndata: {"a":1}\n\n');
    expect(formatSse('a\nb')).toBe('data: a\ndata: b\n\n');
  });
});
