import { describe, expect, it } from 'vitest';
import { parseJsonSafe } from './parse-json-safe.js';

describe('parseJsonSafe', () => {
  it('parses JSON and returns undefined for anything else', () => {
    expect(parseJsonSafe('{"a":[1,null]}')).toEqual({ a: [1, null] });
    expect(parseJsonSafe('null')).toBeNull();
    expect(parseJsonSafe('{"a":')).toBeUndefined();
    expect(parseJsonSafe('')).toBeUndefined();
  });
});
