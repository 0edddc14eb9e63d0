import { describe, expect, it } from 'vitest';
import { HeadroomError } from '../errors/headroom-error.js';
import { abortReason, throwIfAborted } from './abort.js';

describe('throwIfAborted', () => {
  it('does nothing without a signal or before the signal fires', () => {
    expect(() => throwIfAborted(undefined)).not.toThrow();
    expect(() => throwIfAborted(new AbortController().signal)).not.toThrow();
  });

  it("throws the signal's own reason", () => {
    const controller = new AbortController();
    const reason = new Error('user went away');
    controller.abort(reason);
    expect(() => throwIfAborted(controller.signal)).toThrow(reason);
  });

  it('throws an AbortError DOMException when abort() was given no reason', () => {
    const controller = new AbortController();
    controller.abort();
    expect(() => throwIfAborted(controller.signal)).toThrow(
      expect.objectContaining({ name: 'AbortError' }),
    );
  });

  it('gives a HeadroomError with code aborted for a signal-like object without a reason', () => {
    const reason = abortReason({ aborted: true, reason: undefined } as AbortSignal);
    expect(HeadroomError.isInstance(reason)).toBe(true);
    expect((reason as HeadroomError).code).toBe('aborted');
  });
});
