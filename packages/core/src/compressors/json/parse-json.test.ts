import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { installedPath } from '../../test-utils/package-file.node.js';
import type { JsonNode } from './json-node.js';
import { MAX_DEPTH, parseJson } from './parse-json.js';
import { toJson } from './serialize-json.js';

const roundTrip = (text: string): string | undefined => {
  const node = parseJson(text);
  return node && toJson(node);
};

describe('parseJson + toJson', () => {
  it('re-emits real package metadata as JSON.stringify would, compactly', () => {
    for (const name of ['typescript', 'vitest', 'js-tiktoken']) {
      const text = readFileSync(installedPath(name, 'package.json'), 'utf8');
      expect(roundTrip(text)).toBe(JSON.stringify(JSON.parse(text)));
    }
  });

  it('keeps the exact text of numbers JSON.parse would change or round', () => {
    const text = '[{"id":12345678901234567890,"ratio":1.50,"big":1E400,"neg":-0,"exp":2.5e-7}]';
    expect(JSON.stringify(JSON.parse(text))).not.toBe(text);
    expect(roundTrip(text)).toBe(text);
  });

  it('keeps duplicate keys and the order of integer-like keys', () => {
    const text = '{"b":1,"2":"two","a":{"x":1,"x":2},"1":null}';
    expect(roundTrip(text)).toBe(text);
  });

  it('keeps lone surrogates (escaped) and decodes escapes', () => {
    const node = parseJson('["\\ud800x","\\u00e9\\n\\/"]') as Extract<JsonNode, { t: 'array' }>;
    expect(node.items).toEqual([
      { t: 'string', v: '\ud800x' },
      { t: 'string', v: 'é\n/' },
    ]);
    expect(toJson(node)).toBe('["\\ud800x","é\\n/"]');
    expect(roundTrip('["\udc00 raw"]')).toBe('["\\udc00 raw"]');
  });

  it('rejects anything that is not strict JSON', () => {
    for (const bad of [
      '',
      ' ',
      '[1,]',
      '{"a" 1}',
      "{'a':1}",
      '[NaN]',
      '[01]',
      '[1] x',
      '{"a":1',
      '"\u0001"',
      '[tru]',
      '{"a":1,}',
      '[.5]',
    ]) {
      expect(parseJson(bad), bad).toBeUndefined();
    }
  });

  it('keeps containers below the depth limit as their original text', () => {
    const deep = `${'['.repeat(MAX_DEPTH + 5)} 1 , 2 ${']'.repeat(MAX_DEPTH + 5)}`;
    let node = parseJson(deep);
    for (let depth = 0; depth <= MAX_DEPTH; depth++) {
      expect(node?.t).toBe('array');
      node = (node as Extract<JsonNode, { t: 'array' }>).items[0];
    }
    expect(node).toEqual({ t: 'raw', text: `${'['.repeat(4)} 1 , 2 ${']'.repeat(4)}` });
  });

  it('survives 10,000-deep nesting, valid or not', () => {
    const valid = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    const result = parseJson(valid);
    // The engine may validate it or give up (RangeError); either way no crash, and no rewrite.
    if (result) expect(toJson(result)).toBe(valid);
    expect(parseJson(`${'{"a":'.repeat(10_000)}1`)).toBeUndefined();
    expect(parseJson(`${'['.repeat(10_000)}${']'.repeat(9_999)}`)).toBeUndefined();
  });

  it('parses a 10 MB string value', () => {
    const big = 'QUJD'.repeat(2_621_440);
    const node = parseJson(`{"blob":"${big}","n":1}`) as Extract<JsonNode, { t: 'object' }>;
    expect(node.entries[0]![1]).toEqual({ t: 'string', v: big });
  });
});
