import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { findMarkerKeys } from '../../ccr/marker.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { dataDir, dataPath, noDataReason } from '../../test-utils/data-dir.node.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import type { CodeLanguage } from '../../types.js';
import { packageCorpora, parse } from './__fixtures__/corpora.node.js';
import { installedPath } from '../../test-utils/package-file.node.js';
import { codeCompressor } from './code-compressor.js';
import { countSyntaxErrors } from './syntax-errors.js';

/** Compresses and checks the one promise made for any input: the original back, or output that parses no worse. */
async function compressSafely(
  text: string,
  language: CodeLanguage,
  query = '',
): Promise<{
  output: string;
  key?: string;
  store: Awaited<ReturnType<typeof createTestContext>>['store'];
}> {
  const { ctx, store } = await createTestContext({ query });
  const { text: output } = await codeCompressor.compress(text, { ...ctx, language });
  if (output !== text) {
    const [before, after] = [await parse(language, text), await parse(language, output)];
    try {
      expect(countSyntaxErrors(after)).toBeLessThanOrEqual(countSyntaxErrors(before));
    } finally {
      before.delete();
      after.delete();
    }
  }
  return { output, key: findMarkerKeys(output)[0], store };
}

describe('code compressor on bad input', () => {
  const chat = packageCorpora()[0]?.files.find((file) => file.endsWith('/ui/chat.ts')) as string;

  test('a TypeScript file cut off mid-function compresses what parses and keeps the rest', async () => {
    const source = readFileSync(chat, 'utf8');
    const cut = source.slice(0, Math.floor(source.length * 0.6));
    const { output } = await compressSafely(cut, 'typescript');
    expect(output.length).toBeLessThan(cut.length);
  });

  test('a complete file the grammar fails near its end is compressed whole, not as a cut-off read', async () => {
    // `for (await using …)` (TypeScript 5.2) is unknown to the grammar: the parse goes wrong in the
    // last method, yet the file ends as a complete file does.
    const source = readFileSync(
      new URL('./__fixtures__/connection-pool.ts', import.meta.url),
      'utf8',
    );
    const { output, key, store } = await compressSafely(source, 'typescript');
    expect(output).toContain('  async drain(): Promise<number>');
    expect(output).not.toContain('flushed += await lease.flush();');
    expect((await retrieve(store, key as string)).content).toBe(source);
    const drain = await retrieve(store, key as string, { query: 'drain' });
    expect(drain.content).toContain('    for (await using lease of this.leases()) {');
  });

  test('a C++ function the grammar ends early (`if consteval … else`) stays whole, no stray brace after it', async () => {
    // C++23 `if consteval` is unknown to the grammar: `else { … }` reads as an initializer list left
    // open, so the `}` after it closes the body and the function's last lines fall outside it.
    const source = readFileSync(new URL('./__fixtures__/byte-order.cpp', import.meta.url), 'utf8');
    const { output, key, store } = await compressSafely(source, 'cpp');
    const swap = source.slice(
      source.indexOf('constexpr std::uint32_t byte_swap'),
      source.indexOf('\n\ninline std::uint32_t load_u32'),
    );
    expect(output).toContain(swap);
    expect(output).not.toContain('std::memcpy(out, &value, sizeof value);');
    expect((await retrieve(store, key as string)).content).toBe(source);
  });

  test('a small C++ file the grammar misreads up to its last line (`if consteval` in a class) is outlined, not passed through', async () => {
    // The brace closing the namespace is left over as an error on the last line, as where a
    // partial read breaks off; but every bracket of the file closes, so it is whole.
    const source = readFileSync(new URL('./__fixtures__/swapper.cpp', import.meta.url), 'utf8');
    const { output, key, store } = await compressSafely(source, 'cpp');
    expect(output).toContain('std::uint32_t mix(std::uint32_t a, std::uint32_t b);');
    expect(output).not.toContain('h ^= h >> 16;');
    expect(output).toContain(
      source.slice(
        source.indexOf('  constexpr std::uint32_t swap'),
        source.indexOf('\n\n private:'),
      ),
    );
    expect((await retrieve(store, key as string)).content).toBe(source);
  });

  test('garbage injected between functions does not crash and never makes the parse worse', async () => {
    const source = readFileSync(chat, 'utf8');
    const middle = source.indexOf('\n  stop = async');
    await compressSafely(
      `${source.slice(0, middle)}\n  ) => ]] {{ @@ ;\n${source.slice(middle)}`,
      'typescript',
    );
  });

  test('minified JavaScript (flatbuffers.min.js) compresses inside its module wrapper', async () => {
    const source = readFileSync(installedPath('flatbuffers', 'js/flatbuffers.min.js'), 'utf8');
    const { output, key, store } = await compressSafely(source, 'javascript');
    expect(output.length).toBeLessThan(source.length);
    expect(output).toContain('var flatbuffers=(()=>{');
    expect((await retrieve(store, key as string)).content).toBe(source);
  });

  test('a 1 MB generated module compresses, and retrieval by name returns one generated function', async () => {
    const fns = Array.from({ length: 4000 }, (_, i) =>
      [
        `/** Handler ${i}. */`,
        `export function handler${i}(input: Record<string, number>): number {`,
        `  const base = input['k${i}'] ?? ${i};`,
        ...Array.from(
          { length: 6 },
          (_, j) =>
            `  if (base > ${j * 7}) input['k${i}_${j}'] = base * ${j + 1} + ${(i * 31 + j) % 97};`,
        ),
        '  return Object.values(input).reduce((sum, value) => sum + value, 0);',
        '}',
      ].join('\n'),
    );
    const source = fns.join('\n\n');
    expect(source.length).toBeGreaterThan(1_000_000);
    const { output, key, store } = await compressSafely(source, 'typescript');
    expect(output.length).toBeLessThan(source.length * 0.4);
    expect(
      output.endsWith('export function handler3999(input: Record<string, number>): number;'),
    ).toBe(true);
    const found = await retrieve(store, key as string, { query: 'handler1234' });
    expect(found.content).toBe(fns[1234]);
  });

  test('a 1 MB generated data table has no bodies and passes through', async () => {
    const rows = Array.from(
      { length: 36000 },
      (_, i) => `  [${i}, "row-${i}", ${(i * 7919) % 10007}],`,
    );
    const source = `TABLE = [\n${rows.join('\n')}\n]\n`;
    expect(source.length).toBeGreaterThan(1_000_000);
    expect((await compressSafely(source, 'python')).output).toBe(source);
  });

  test('empty and blank input pass through without storing anything', async () => {
    for (const text of ['', '\n\n  \n']) {
      const { ctx, stashed } = await createTestContext();
      expect((await codeCompressor.compress(text, { ...ctx, language: 'go' })).text).toBe(text);
      expect(stashed.size).toBe(0);
    }
  });

  test('deep nesting, lone surrogates, NUL bytes and binary noise do not crash', async () => {
    const deep = `x = ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    const classes = `${Array.from({ length: 300 }, (_, i) => `${'  '.repeat(i)}class C${i}:`).join('\n')}\n${'  '.repeat(300)}pass\n`;
    const noise = Array.from({ length: 4000 }, (_, i) =>
      String.fromCharCode((i * 7919) % 65536),
    ).join('');
    for (const [text, language] of [
      [deep, 'python'],
      [`function f() {\n  return "\ud800 \udfff";\n${'  g();\n'.repeat(10)}}\n`, 'javascript'],
      [`fn main() {\0\0\0 let x = 1; }\n`, 'rust'],
      [noise, 'cpp'],
    ] as const) {
      await compressSafely(text, language);
    }
    const { output, key } = await compressSafely(classes, 'python');
    expect(output).toBe(classes);
    expect(key).toBeUndefined();
    const units =
      (await codeCompressor.units?.(classes, { kind: 'code', language: 'python' }, 'C299')) ?? [];
    expect(units.join('\n')).toContain('class C299:');
  });
});

describe.skipIf(!dataDir)(`code compressor on broken real files (${noDataReason})`, () => {
  test.each([
    ['python', 'python/requests/src/requests/models.py'],
    ['go', 'go/cobra/command.go'],
    ['rust', 'rust/serde_json/src/de.rs'],
    ['java', 'java/gson/gson/src/main/java/com/google/gson/Gson.java'],
    ['cpp', 'cpp/fmt/src/os.cc'],
  ] as const)(
    '%s: a file cut in half with a syntax error spliced in compresses without a crash',
    async (language, file) => {
      const source = readFileSync(dataPath(join('code', file)), 'utf8');
      const half = source.slice(0, Math.floor(source.length / 2));
      const splice = Math.floor(half.length / 2);
      const broken = `${half.slice(0, splice)}\n)))) ((( :: }}\n${half.slice(splice)}`;
      const { output } = await compressSafely(broken, language);
      expect(output.length).toBeLessThanOrEqual(broken.length);
    },
  );
});
