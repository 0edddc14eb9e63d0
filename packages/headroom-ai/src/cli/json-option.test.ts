import { describe, expect, it } from 'vitest';
import { jsonOption } from './json-option.js';

describe('jsonOption', () => {
  it('is a boolean flag whose help names what is printed', () => {
    expect(jsonOption('the summary')).toEqual({
      type: 'boolean',
      description: 'print the summary as JSON',
    });
  });
});
