import { describe, expect, test } from 'vitest';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { findMarkerKeys } from '../../ccr/marker.js';
import { codeCompressor } from './code-compressor.js';
import type { CodeLanguage } from '../../types.js';

async function compress(source: string, language: CodeLanguage = 'javascript') {
  const { ctx, store } = await createTestContext();
  const { text } = await codeCompressor.compress(source, { ...ctx, language });
  return { text, store };
}

const helpers = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'];
/** A bundler's module: declarations, then one `export { … }` list repeating their names. */
const bundled = [
  'import { shared, other } from "./shared.js";',
  ...helpers.flatMap((name, i) => [
    `const ${name} = (value) => {`,
    `  const doubled = value * ${i + 2};`,
    '  if (doubled > 100) return shared(doubled);',
    '  return other(doubled) + 1;',
    '};',
  ]),
  `export { ${helpers.join(', ')}, shared, alpha as default, beta as renamed };`,
  '',
].join('\n');

describe('local export lists', () => {
  test.each<CodeLanguage>(['javascript', 'typescript'])(
    '%s: plain names fold to a count, renamed ones stay, the original comes back',
    async (language) => {
      const { text, store } = await compress(bundled, language);
      expect(text).toContain('export { /* 6 local names */ alpha as default, beta as renamed };');
      // Every folded name is still shown where it is declared or imported.
      for (const name of [...helpers, 'shared']) expect(text).toMatch(new RegExp(`\\b${name}\\b`));
      const [key] = findMarkerKeys(text);
      expect((await retrieve(store, key as string)).content).toBe(bundled);
      const found = await retrieve(store, key as string, { query: 'gamma' });
      expect(found.content).toContain('const doubled = value * 4;');
    },
  );

  test('a re-export from another module and a short list stay whole', async () => {
    const source = [
      bundled.replace(/^export .*$/m, ''),
      'export { a, b, c, d, e } from "./elsewhere.js";',
      'export { alpha, beta };',
      '',
    ].join('\n');
    const { text } = await compress(source);
    expect(text).toContain('export { a, b, c, d, e } from "./elsewhere.js";');
    expect(text).toContain('export { alpha, beta };');
  });
});

describe('a function passed to a call that a declaration names', () => {
  test('is collapsed even when it holds most of the file, unlike a module wrapper', async () => {
    const body = Array.from({ length: 20 }, (_, i) => `  const v${i} = await events.step${i}(c);`);
    const helper = ['const upgrade = defineHelper(async (c, events) => {', ...body, '});', ''];
    const { text } = await compress(helper.join('\n'));
    expect(text).toContain(
      'const upgrade = defineHelper(async (c, events) => { /* lines 2-21 omitted */ });',
    );
    const iife = [
      '(function (root) {',
      ...body.map((l) => l.replace('await ', '')),
      '})(this);',
      '',
    ];
    const wrapper = await compress(iife.join('\n'));
    expect(wrapper.text).not.toContain('(function (root) { /*');
  });
});
