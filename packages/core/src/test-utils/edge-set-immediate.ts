import { vi } from 'vitest';

/**
 * Makes `setImmediate` what Next.js's Edge sandbox makes it: defined, but a stub that throws when
 * called (its message, verbatim). Undo with `vi.unstubAllGlobals()`.
 */
export function stubEdgeSetImmediate(): void {
  vi.stubGlobal('setImmediate', () => {
    throw new Error(
      'A Node.js API is used (setImmediate) which is not supported in the Edge Runtime.',
    );
  });
}
