import { abortReason } from './abort.js';

/**
 * Compression is synchronous work between awaits that resolve as microtasks, so an abort signal
 * driven by a timer or a closed socket (both macrotasks) could not fire until the whole call was
 * done. Yielding one macrotask lets it. `setImmediate` where the runtime has a working one (Node,
 * Bun: no clamping), else `setTimeout(0)`; both exist without importing a `node:` module.
 */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (!setImmediateIfWorking(resolve)) setTimeout(resolve, 0);
  });
}

/**
 * Schedules `callback` with `setImmediate`; false when there is none or calling it throws.
 * Next.js's Edge sandbox defines `setImmediate` as a stub that throws ("A Node.js API is used"):
 * a call there threw at its first yield, once it ran past SLICE_MS with a signal (under CPU load,
 * even a small call can).
 */
function setImmediateIfWorking(callback: () => void): boolean {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown })
    .setImmediate;
  if (!immediate) return false;
  try {
    immediate(callback);
    return true;
  } catch {
    return false;
  }
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
