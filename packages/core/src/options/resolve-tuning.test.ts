import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../errors/invalid-option-error.js';
import { resolveTuning } from './resolve-tuning.js';

const defaults = Object.freeze({ maxFiles: 20, share: 0.5 });

function errorOf(run: () => unknown): InvalidOptionError {
  try {
    run();
  } catch (error) {
    if (InvalidOptionError.isInstance(error)) return error;
    throw error;
  }
  throw new Error('expected an InvalidOptionError');
}

describe('resolveTuning', () => {
  it('lays the overrides over the defaults and leaves the defaults alone', () => {
    expect(resolveTuning('diff', defaults, { maxFiles: 3 })).toEqual({ maxFiles: 3, share: 0.5 });
    expect(resolveTuning('diff', defaults, undefined)).toEqual(defaults);
    expect(resolveTuning('diff', defaults, { share: undefined })).toEqual(defaults);
    expect(defaults).toEqual({ maxFiles: 20, share: 0.5 });
  });

  it('accepts Infinity as "no cap"', () => {
    expect(resolveTuning('json', defaults, { maxFiles: Infinity }).maxFiles).toBe(Infinity);
  });

  it('names the knob of a negative, NaN or non-number value', () => {
    for (const value of [-1, Number.NaN, '20', null]) {
      const error = errorOf(() => resolveTuning('diff', defaults, { maxFiles: value }));
      expect(error.option).toBe('diff.maxFiles');
      expect(error.value).toBe(value);
    }
  });

  it('rejects a knob the compressor does not have, listing the ones it has', () => {
    const error = errorOf(() => resolveTuning('diff', defaults, { maxFile: 3 }));
    expect(error.option).toBe('diff.maxFile');
    expect(error.message).toContain('maxFiles, share');
  });

  it('rejects options that are not an object', () => {
    expect(errorOf(() => resolveTuning('diff', defaults, 3)).option).toBe('diff');
  });
});
