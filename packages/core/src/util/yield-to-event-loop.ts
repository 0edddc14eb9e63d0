import { abortReason } from './abort.js';

/**
 * Compression is synchronous work between awaits that resolve as microtasks, so an abort signal
 * driven by a timer or a closed socket (both macrotasks) could not fire until the whole call was
 * done. Yielding one macrotask lets it. `setImmediate` where the runtime has it (Node, Bun: no
 * clamping), else `setTimeout(0)`; both exist without importing a `node:` module.
 */
export function yieldToEventLoop(): Promise<void> {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown })
    .setImmediate;
  return new Promise((resolve) => {
    if (immediate) immediate(resolve);
    else setTimeout(resolve, 0);
  });
}

/** Synchronous work between two yields of a checkpoint: bounds how late an abort is noticed. */
const SLICE_MS = 10;

/**
 * A checkpoint for long synchronous work under an abort signal: once `SLICE_MS` of work has passed
 * it yields one macrotask (so the signal's timer or socket event can run), then throws the
 * signal's {@link abortReason} if it was aborted. Without a signal it never yields, so calls without
 * one pay nothing.
 */
export function createAbortCheckpoint(signal: AbortSignal | undefined): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (!signal) return;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await yieldToEventLoop();
      sliceStart = performance.now();
    }
    if (signal.aborted) throw abortReason(signal);
  };
}
