/** Timings of one streamed request, from just before `fetch` was called. */
export interface StreamTiming {
  firstByteMs: number;
  totalMs: number;
  ok: boolean;
  /** Why a request failed: its status, a missing `[DONE]`, or the error's message. */
  failure?: string;
}

/** What one wave of concurrent requests measured. */
export interface Wave {
  timings: StreamTiming[];
  wallMs: number;
}

/**
 * Sends every body at once as a streaming Chat Completions request to `baseUrl` and reads each stream
 * to its end. A request counts as ok only with status 200 and the closing `[DONE]`.
 */
export async function fireStreams(baseUrl: string, bodies: readonly string[]): Promise<Wave> {
  const started = performance.now();
  const timings = await Promise.all(
    bodies.map(async (body): Promise<StreamTiming> => {
      const t0 = performance.now();
      let firstByteMs = Number.NaN;
      try {
        const res = await fetch(`${baseUrl}/v1/chat/completions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: 'Bearer sk-load-test' },
          body,
        });
        const decoder = new TextDecoder();
        let text = '';
        const reader = res.body!.getReader();
        for (let read = await reader.read(); !read.done; read = await reader.read()) {
          if (Number.isNaN(firstByteMs)) firstByteMs = performance.now() - t0;
          text += decoder.decode(read.value, { stream: true });
        }
        const failure =
          res.status !== 200
            ? `status ${res.status}`
            : text.includes('data: [DONE]')
              ? undefined
              : 'stream ended without [DONE]';
        return {
          firstByteMs,
          totalMs: performance.now() - t0,
          ok: failure === undefined,
          ...(failure ? { failure } : {}),
        };
      } catch (error) {
        const cause = (error as { cause?: { message?: string } }).cause?.message;
        return {
          firstByteMs,
          totalMs: performance.now() - t0,
          ok: false,
          failure: `${(error as Error).message}${cause ? ` (${cause})` : ''}`,
        };
      }
    }),
  );
  return { timings, wallMs: performance.now() - started };
}
