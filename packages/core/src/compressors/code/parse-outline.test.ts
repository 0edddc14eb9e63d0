import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';
import { createGrammars } from './grammars.js';
import { languageSpecs } from './languages.js';
import { parseOutline, type ParsedOutline } from './parse-outline.js';
import { sourceParser } from './tree-sitter-parser.js';

/** A namespace whose class has an `if consteval` member: error recovery's misreading runs to the last line. */
const swapper = readFileSync(new URL('./__fixtures__/swapper.cpp', import.meta.url), 'utf8');

async function outlineCpp(text: string): Promise<ParsedOutline> {
  const parse = sourceParser(await createGrammars().parser('cpp'), languageSpecs.cpp);
  return parseOutline(parse, text, languageSpecs.cpp) as ParsedOutline;
}

test('a whole file whose last line the parse gets wrong is outlined as it is, not as a cut-off read', async () => {
  // `else { … }` reads as an initializer list left open, so the braces after it each close a scope
  // too early and the namespace's is left over, an error on the last line.
  const parsed = await outlineCpp(swapper);
  expect(parsed.errors).toBeGreaterThan(0);
  expect(parsed).toMatchObject({ cut: swapper.length, closers: '' });
  expect(parsed.outline.bodies.map((body) => body.name)).toContain('mix');
});

test('a read cut off inside a function is still closed where it breaks off', async () => {
  const mix = swapper.slice(
    swapper.indexOf('inline std::uint32_t mix'),
    swapper.indexOf('  return h;'),
  );
  const cut = `namespace bits {\n\n${mix}`;
  expect(await outlineCpp(cut)).toMatchObject({ cut: cut.length, closers: '\n}}' });
});
