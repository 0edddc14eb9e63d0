import { describe, expect, it } from 'vitest';
import { HeadroomError } from './headroom-error.js';
import { InputTooLargeError } from './input-too-large-error.js';
import { InvalidMessagesError } from './invalid-messages-error.js';
import { InvalidOptionError } from './invalid-option-error.js';
import { StoreUnavailableError } from './store-unavailable-error.js';

describe('error subclasses', () => {
  const errors = [
    new InvalidOptionError({ option: 'ttlSeconds', value: -1, expected: 'a positive number' }),
    new InvalidMessagesError({ index: 2, message: 'expected a message object' }),
    new InputTooLargeError({ what: 'stdin', size: 100, limit: 10 }),
    new StoreUnavailableError({ operation: 'put', key: 'abc' }),
  ];

  it('are HeadroomErrors with a code, a name and structured fields', () => {
    expect(errors.map((e) => [e.name, e.code])).toEqual([
      ['InvalidOptionError', 'invalid_option'],
      ['InvalidMessagesError', 'invalid_messages'],
      ['InputTooLargeError', 'input_too_large'],
      ['StoreUnavailableError', 'store_error'],
    ]);
    expect(errors.every((e) => HeadroomError.isInstance(e) && e instanceof Error)).toBe(true);
    expect(errors[0]).toMatchObject({
      option: 'ttlSeconds',
      value: -1,
      message: 'Invalid option `ttlSeconds`: expected a positive number, got -1',
    });
    expect(errors[1]).toMatchObject({
      index: 2,
      message: 'messages[2]: expected a message object',
    });
    expect(errors[2]).toMatchObject({
      size: 100,
      limit: 10,
      message: 'stdin of 100 bytes exceeds the limit of 10 bytes',
    });
    expect(errors[3]).toMatchObject({ operation: 'put', key: 'abc' });
  });

  it('each isInstance recognises its own class only, also in a copy from another package instance', () => {
    const checks = [
      InvalidOptionError,
      InvalidMessagesError,
      InputTooLargeError,
      StoreUnavailableError,
    ];
    expect(checks.map((check) => errors.map((e) => check.isInstance(e)))).toEqual([
      [true, false, false, false],
      [false, true, false, false],
      [false, false, true, false],
      [false, false, false, true],
    ]);
    // A duplicate package copy has other classes but the same registry symbols: structuredClone-free simulation.
    const copy = Object.assign(Object.create(Error.prototype) as object, errors[0]);
    for (const symbol of Object.getOwnPropertySymbols(errors[0]))
      (copy as Record<symbol, unknown>)[symbol] = true;
    expect(InvalidOptionError.isInstance(copy)).toBe(true);
    expect(HeadroomError.isInstance(new Error('plain'))).toBe(false);
  });

  it('never puts a long value into the message', () => {
    const error = new InvalidOptionError({
      option: 'model',
      value: 'x'.repeat(10_000),
      expected: 'a model id',
    });
    expect(error.message).toBe(
      'Invalid option `model`: expected a model id, got a string of 10000 characters',
    );
  });
});
