import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findMarkerKeys } from '../../ccr/marker.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { installedPath } from '../../test-utils/package-file.node.js';
import { compressExtractive } from './extractive.js';
import { isMustKeepWord, splitWords } from './must-keep.js';

const licence = readFileSync(installedPath('typescript', 'LICENSE.txt'), 'utf8');
const bundledLicences = readFileSync(installedPath('vitest', 'LICENSE.md'), 'utf8');
const readme = readFileSync(installedPath('web-tree-sitter', 'README.md'), 'utf8');

async function run(text: string, query = '', ratio = 0.5) {
  const { ctx, store, stashed } = await createTestContext({ query });
  const output = compressExtractive(text, ctx, ratio);
  return { output, store, stashed, tokens: ctx.countTokens };
}

describe('extractive fallback on real prose', () => {
  it('halves the Apache licence, stashes it, and says how many sentences it omitted', async () => {
    const { output, stashed, tokens } = await run(licence);
    const [key] = findMarkerKeys(output);
    expect(stashed.get(key!)).toEqual({
      original: licence,
      meta: { kind: 'text', count: expect.any(Number) },
    });
    const saved = 1 - tokens(output) / tokens(licence);
    expect(saved).toBeGreaterThan(0.4);
    expect(output).toMatch(
      /<<ccr:[0-9a-f]{24} \d+ of \d+ sentences omitted; call headroom_retrieve>>$/,
    );
    // The title and the first and last lines frame the document and stay.
    expect(output.startsWith('Apache License')).toBe(true);
    expect(output).toContain('END OF TERMS AND CONDITIONS');
    // Line endings and blank lines between paragraphs are the licence's own (CRLF).
    expect(output).toContain('Apache License\r\n\r\nVersion 2.0, January 2004');
  });

  it('keeps the sentences the query asks about', async () => {
    const patent = 'If You institute patent litigation against any entity';
    expect((await run(licence)).output).not.toContain(patent);
    expect((await run(licence, 'what happens if I institute patent litigation?')).output).toContain(
      patent,
    );
  });

  it('returns matching sentences from the stored original on retrieve with a query', async () => {
    const { output, store } = await run(licence);
    const found = await retrieve(store, findMarkerKeys(output)[0]!, { query: 'patent litigation' });
    expect(found.matched).toBeGreaterThan(0);
    expect(found.content).toContain('If You institute patent litigation against any entity');
    expect(found.content.length).toBeLessThan(licence.length / 4);
  });

  it('drops repeated licence texts as near-duplicates, even with room to keep them', async () => {
    // vitest's LICENSE.md quotes the MIT licence once per bundled dependency.
    const permission = /Permission is hereby granted, free of charge/g;
    expect(bundledLicences.match(permission)!.length).toBeGreaterThan(20);
    const { output, tokens } = await run(bundledLicences, '', 0.9);
    expect(output.match(permission)).toHaveLength(1);
    expect(tokens(output)).toBeLessThan(tokens(bundledLicences) * 0.4);
    // Each dependency's own heading survives.
    expect(output).toContain('## @sinonjs/fake-timers');
  });

  it('leaves every must-keep word of a README retained or recoverable by retrieve', async () => {
    const { output, store } = await run(readme);
    const key = findMarkerKeys(output)[0]!;
    const facts = [
      ...new Set(
        splitWords(readme)
          .map((w) => w.text)
          .filter(isMustKeepWord),
      ),
    ];
    expect(facts.length).toBeGreaterThan(50);
    let retained = 0;
    for (const fact of facts) {
      if (output.includes(fact)) {
        retained += 1;
        continue;
      }
      const found = await retrieve(store, key, { query: fact });
      expect(found.content, fact).toContain(fact);
    }
    expect(retained).toBeGreaterThan(facts.length / 2);
  });

  it('is deterministic', async () => {
    const first = await run(readme, 'load a language');
    const second = await run(readme, 'load a language');
    expect(second.output).toBe(first.output);
  });
});

describe('extractive fallback on small or odd input', () => {
  it('passes through text with fewer than 6 sentences', async () => {
    const text = 'One. Two is here. Three is there. Four. Five ends it.';
    expect((await run(text)).output).toBe(text);
  });

  it('passes through a single long line with no sentence breaks', async () => {
    const text = 'word '.repeat(5_000);
    expect((await run(text)).output).toBe(text);
  });

  it('copes with lone surrogates and control characters', async () => {
    const text = Array.from(
      { length: 10 },
      (_, i) => `Sentence ${i} has \uD800 odd \u0000 bytes \uDC00 in it number ${i}.`,
    ).join(' ');
    const { output } = await run(text);
    expect(findMarkerKeys(output)).toHaveLength(1);
    expect(output).toContain('\uD800');
  });

  it('handles a large document of repeated sentences', async () => {
    const text = Array.from(
      { length: 20_000 },
      (_, i) => `Worker ${i % 7} finished the batch job without any issue.`,
    ).join(' ');
    const { output } = await run(text);
    // Repeats collapse: one sentence per distinct worker survives.
    expect(output.split('\n\n')[0]!.match(/finished the batch job/g)).toHaveLength(7);
  });
});
