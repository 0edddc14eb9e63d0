import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubEdgeSetImmediate } from '../test-utils/edge-set-immediate.js';
import { createAbortCheckpoint, yieldToEventLoop } from './yield-to-event-loop.js';

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // synchronous work, as a compressor does
  }
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('yieldToEventLoop', () => {
  it('lets a due timer run before it resolves', async () => {
    let fired = false;
    setTimeout(() => {
      fired = true;
    }, 0);
    busy(5);
    await yieldToEventLoop();
    await yieldToEventLoop();
    expect(fired).toBe(true);
  });

  it('yields through a timer where setImmediate is a stub that throws (Next.js Edge)', async () => {
    stubEdgeSetImmediate();
    let fired = false;
    setTimeout(() => {
      fired = true;
    }, 0);
    await yieldToEventLoop();
    await yieldToEventLoop();
    expect(fired).toBe(true);
  });
});

describe('createAbortCheckpoint', () => {
  it('notices a timeout signal that fires during synchronous work', async () => {
    const signal = AbortSignal.timeout(5);
    const checkpoint = createAbortCheckpoint(signal);
    const run = async () => {
      for (let i = 0; i < 100; i++) {
        busy(3);
        await checkpoint();
      }
    };
    const started = performance.now();
    await expect(run()).rejects.toMatchObject({ name: 'TimeoutError' });
    expect(performance.now() - started).toBeLessThan(150);
  });

  it('throws at once for a signal aborted before the work', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    await expect(createAbortCheckpoint(controller.signal)()).rejects.toThrow('gone');
  });

  it('yields after a slice of work where setImmediate is a stub that throws (Next.js Edge)', async () => {
    stubEdgeSetImmediate();
    const checkpoint = createAbortCheckpoint(new AbortController().signal);
    busy(15);
    await expect(checkpoint()).resolves.toBeUndefined();
  });

  it('never yields without a signal', async () => {
    const checkpoint = createAbortCheckpoint(undefined);
    let fired = false;
    setTimeout(() => {
      fired = true;
    }, 0);
    busy(15);
    await checkpoint();
    expect(fired).toBe(false);
  });
});
