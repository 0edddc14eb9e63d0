/** One server-sent event: its `event:` name, its joined `data:` lines, and its bytes as received. */
export interface SseEvent {
  event?: string;
  data: string;
  /** The event's text including its terminating blank line, relayed as is when nothing in it changes. */
  raw: string;
}

const boundary = /\r\n\r\n|\n\n|\r\r/;

/** Parses one event block (without its blank line); comments and ids are kept only in `raw`. */
function parseBlock(block: string, raw: string): SseEvent | undefined {
  let event: string | undefined;
  const data: string[] = [];
  for (const line of block.split(/\r\n|\n|\r/)) {
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  }
  if (data.length === 0 && event === undefined) return { data: '', raw };
  return { ...(event !== undefined ? { event } : {}), data: data.join('\n'), raw };
}

/** Reads a byte stream as server-sent events, yielding each one as soon as its blank line arrives. */
export async function* readSse(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const decoder = new TextDecoder();
  const reader = body.getReader();
  let buffer = '';
  try {
    for (;;) {
      const { done, value } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      for (let match = boundary.exec(buffer); match; match = boundary.exec(buffer)) {
        const end = match.index + match[0].length;
        const event = parseBlock(buffer.slice(0, match.index), buffer.slice(0, end));
        buffer = buffer.slice(end);
        if (event) yield event;
      }
      if (done) {
        if (buffer.trim() !== '') {
          const event = parseBlock(buffer, `${buffer}\n\n`);
          if (event) yield event;
        }
        return;
      }
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** Writes an event in SSE form (one `data:` line per line of data). */
export function formatSse(data: string, event?: string): string {
  const lines = data.split('\n').map((line) => `data: ${line}`);
  return `${event !== undefined ? `event: ${event}\n` : ''}${lines.join('\n')}\n\n`;
}

/** The event's data parsed as JSON, or undefined when it is not JSON (such events are relayed as they are). */
export function parseData<T>(event: SseEvent): T | undefined {
  try {
    return JSON.parse(event.data) as T;
  } catch {
    return undefined;
  }
}
