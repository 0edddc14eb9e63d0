import { describe, expect, it } from 'vitest';
import { createSession } from './session.js';

const count = (text: string) => Math.ceil(text.length / 4);

describe('createSession().observe', () => {
  it('reports nothing on the first call, then the leading parts identical to the previous call', () => {
    const session = createSession();
    expect(session.observe({ prefixHash: 'h', parts: ['tools', 'system', 'a'] }, count)).toEqual(
      {},
    );
    const second = session.observe(
      { prefixHash: 'h', parts: ['tools', 'system', 'a', 'é新'] },
      count,
    );
    expect(second).toEqual({
      prefixChanged: false,
      stablePrefix: {
        parts: 3,
        bytes: 12,
        tokens: 5,
        totalParts: 4,
        totalBytes: 17,
        totalTokens: 6,
      },
    });
    const third = session.observe(
      { prefixHash: 'h', parts: ['tools', 'system', 'b', 'é新'] },
      count,
    );
    expect(third.stablePrefix).toMatchObject({ parts: 2, bytes: 11 });
    expect(session.stats()).toMatchObject({
      comparedCalls: 2,
      prefixChanges: 0,
      stableBytes: 23,
      totalBytes: 34,
    });
  });

  it('treats a changed system/tools hash as a full miss', () => {
    const session = createSession();
    session.observe({ prefixHash: 'h1', parts: ['same'] }, count);
    const next = session.observe({ prefixHash: 'h2', parts: ['same'] }, count);
    expect(next).toEqual({
      prefixChanged: true,
      stablePrefix: { parts: 0, bytes: 0, tokens: 0, totalParts: 1, totalBytes: 4, totalTokens: 1 },
    });
    expect(session.stats().prefixChanges).toBe(1);
  });

  it('counts 4-byte characters once and lone surrogates as replacement characters', () => {
    const session = createSession();
    session.observe({ prefixHash: 'h', parts: ['😀\uD800'] }, count);
    expect(
      session.observe({ prefixHash: 'h', parts: ['😀\uD800'] }, count).stablePrefix?.bytes,
    ).toBe(7);
  });

  it('remembers once the retrieval tool was injected', () => {
    const session = createSession();
    expect(session.retrieveToolInjected).toBe(false);
    session.markRetrieveToolInjected();
    expect(session.retrieveToolInjected).toBe(true);
  });
});
