import { describe, expect, it } from 'vitest';
import { MemoryCcrStore } from '../ccr/memory-store.js';
import { compress } from '../compress.js';
import { createHeadroom } from '../create-headroom.js';
import { HeadroomError } from '../errors/headroom-error.js';
import { InvalidMessagesError } from '../errors/invalid-messages-error.js';
import { InvalidOptionError } from '../errors/invalid-option-error.js';
import { createStats } from '../stats/stats.js';
import { MAX_RETRIEVAL_ROUNDS, resolveOptions } from './resolve-options.js';

const defaults = { store: () => new MemoryCcrStore(), stats: createStats };

/** The error `fn` throws (or rejects with). */
async function failure(fn: () => unknown): Promise<unknown> {
  try {
    await fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('resolveOptions', () => {
  it('fills in the defaults', () => {
    const resolved = resolveOptions({}, defaults);
    expect(resolved).toMatchObject({
      protectRecent: 4,
      minTokens: 200,
      minSavings: 0.15,
      cacheAlign: 'report',
      retrieveTool: 'when-needed',
      retrieval: { maxRounds: 3, maxUnits: 50, maxChars: 100_000 },
    });
    expect(resolved.ttlSeconds).toBeUndefined();
    expect(Object.keys(resolved.compressors).sort()).toEqual([
      'code',
      'diff',
      'html',
      'json',
      'log',
      'search',
      'table',
      'text',
    ]);
  });

  it.each([
    ['ttlSeconds', { ttlSeconds: 0 }],
    ['ttlSeconds', { ttlSeconds: -5 }],
    ['ttlSeconds', { ttlSeconds: Number.NaN }],
    ['ttlSeconds', { ttlSeconds: Number.POSITIVE_INFINITY }],
    ['retrieval.maxRounds', { retrieval: { maxRounds: Number.POSITIVE_INFINITY } }],
    ['retrieval.maxRounds', { retrieval: { maxRounds: MAX_RETRIEVAL_ROUNDS + 1 } }],
    ['retrieval.maxRounds', { retrieval: { maxRounds: 0 } }],
    ['retrieval.maxRounds', { retrieval: { maxRounds: 1.5 } }],
    ['model', { model: 123 }],
    ['model', { model: '' }],
    ['minSavings', { minSavings: 1 }],
    ['protectRecent', { protectRecent: -1 }],
    ['cacheAlign', { cacheAlign: 'always' }],
    ['retrieveTool', { retrieveTool: true }],
    ['store', { store: {} }],
    ['compressors', { compressors: [] }],
    ['compressors.code', { compressors: { code: () => ({ text: '' }) } }],
    ['compressors.yaml', { compressors: { yaml: { compress: () => ({ text: '' }) } } }],
    ['retrieval', { retrieval: 3 }],
  ])(
    'rejects %s in %j with an InvalidOptionError naming the option and the value',
    async (option, options) => {
      const error = await failure(() => resolveOptions(options, defaults));
      expect(InvalidOptionError.isInstance(error)).toBe(true);
      expect(HeadroomError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: 'invalid_option', option });
      expect((error as InvalidOptionError).message).toContain(`\`${option}\``);
    },
  );

  it('accepts a compressor per kind, and false to pass a kind through', () => {
    const code = { compress: (text: string) => ({ text }) };
    const resolved = resolveOptions({ compressors: { code, log: false } }, defaults);
    expect(resolved.compressors.code).toBe(code);
    expect(resolved.compressors.log).toBeUndefined();
  });
});

describe('the entry points check their options and messages once, before any work', () => {
  it('compress() and createHeadroom() reject bad options with the same typed error', async () => {
    const viaCompress = await failure(() => compress([], { ttlSeconds: 0 }));
    const viaInstance = await failure(() => createHeadroom({ ttlSeconds: 0 }));
    for (const error of [viaCompress, viaInstance])
      expect(error).toMatchObject({ name: 'InvalidOptionError', option: 'ttlSeconds', value: 0 });
  });

  it.each([
    // biome-ignore lint/suspicious/noSparseArray: the hole is the input under test
    ['a sparse array', [{ role: 'user', content: 'a' }, , { role: 'user', content: 'b' }], 1],
    ['a null message', [{ role: 'user', content: 'a' }, null], 1],
    ['a string message', ['hello'], 0],
    ['tool_calls that are not an array', [{ role: 'assistant', content: null, tool_calls: 5 }], 0],
  ])('rejects %s with an InvalidMessagesError naming the index', async (_, messages, index) => {
    const error = await failure(() => compress(messages as never[]));
    expect(InvalidMessagesError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_messages', index });
  });

  it('rejects a per-call model that is not a string', async () => {
    const headroom = createHeadroom();
    expect(await failure(() => headroom.compress([], { model: 123 as never }))).toMatchObject({
      option: 'model',
      value: 123,
    });
  });
});
