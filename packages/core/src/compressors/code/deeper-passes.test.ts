import { describe, expect, test } from 'vitest';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { findMarkerKeys } from '../../ccr/marker.js';
import { codeCompressor, createCodeCompressor } from './code-compressor.js';
import type { CodeLanguage } from '../../types.js';

async function compress(source: string, language: CodeLanguage, query = '') {
  const { ctx, store } = await createTestContext({ query });
  const { text } = await codeCompressor.compress(source, { ...ctx, language });
  return { text, store };
}

/** A `macro_rules!` of many short arms: no arm is long enough for the first pass. */
const rustMacro = [
  'macro_rules! json_internal {',
  ...Array.from({ length: 40 }, (_, i) => [
    `    (@array [$($elems:expr,)*] ${'$'}next${i}:tt) => {`,
    `        json_internal!(@array [$($elems,)* json_internal!(${'$'}next${i})])`,
    '    };',
  ]).flat(),
  '}',
  '',
  'pub fn after() -> u32 {',
  '    1',
  '}',
  '',
].join('\n');

/** An impl of small methods: every body is within the first pass's three lines. */
const rustImpl = [
  'pub struct Serializer<W> {',
  '    writer: W,',
  '}',
  '',
  'impl<W: io::Write> Serializer<W> {',
  ...Array.from({ length: 12 }, (_, i) => [
    `    fn serialize_u${i}(self, value: u${i}) -> Result<()> {`,
    `        self.formatter.write_u${i}(&mut self.writer, value)`,
    '            .map_err(Error::io)',
    '    }',
    '',
  ]).flat(),
  '}',
  '',
].join('\n');

/** A C++ header: inline member functions inside a class inside a macro-opened namespace. */
const cppHeader = [
  '#include <vector>',
  '',
  'FMT_BEGIN_NAMESPACE',
  'namespace detail {',
  '',
  'class dynamic_arg_list {',
  ' public:',
  ...Array.from({ length: 10 }, (_, i) => [
    `  template <typename T> FMT_CONSTEXPR auto push${i}(const T& value) -> T& {`,
    `    auto node = new typed_node<T>(value);`,
    '    return node->value;',
    '  }',
  ]).flat(),
  '};',
  '',
  'struct unknown_format {};',
  '',
  '}  // namespace detail',
  'FMT_END_NAMESPACE',
  '',
].join('\n');

describe('deeper passes when the first saves under half', () => {
  test('a macro_rules! of short arms collapses whole, and stays retrievable by its name', async () => {
    const { text, store } = await compress(rustMacro, 'rust');
    expect(text).toMatch(/macro_rules! json_internal \{ \/\* lines 2-121 omitted \*\/ \}/);
    expect(text).toContain('pub fn after() -> u32 {\n    1\n}');
    expect(text.length).toBeLessThan(rustMacro.length / 4);
    const [key] = findMarkerKeys(text);
    const found = await retrieve(store, key as string, { query: 'json_internal' });
    expect(found.matched).toBe(1);
    expect(found.content).toContain(`(@array [$($elems:expr,)*] ${'$'}next39:tt)`);
    expect(found.content).not.toContain('pub fn after');
  });

  test("an impl's trivial methods keep their signatures, bodies collapsed", async () => {
    const { text } = await compress(rustImpl, 'rust');
    for (let i = 0; i < 12; i++)
      expect(text).toContain(`    fn serialize_u${i}(self, value: u${i}) -> Result<()>;\n`);
    expect(text).toContain('pub struct Serializer<W> {\n    writer: W,\n}');
    expect(text).not.toContain('map_err');
  });

  test('C++ inline member bodies collapse and every namespace/class-level name stays', async () => {
    const { text } = await compress(cppHeader, 'cpp');
    expect(text).toContain('class dynamic_arg_list {');
    expect(text).toContain('struct unknown_format {};');
    expect(text).toContain('namespace detail {');
    expect(text).toContain('bodies omitted, query a name for its source');
    // A collapsed definition is its declaration: valid C++, nothing to stand for the body. The
    // deepest pass drops the qualifier macro and the template header the signature implies.
    for (let i = 0; i < 10; i++) expect(text).toContain(`  auto push${i}(const T& value) -> T&;\n`);
  });

  test('a query naming a method keeps its body at every depth', async () => {
    const { text } = await compress(rustImpl, 'rust', 'why does serialize_u7 fail?');
    expect(text).toContain('self.formatter.write_u7(&mut self.writer, value)');
    expect(text).not.toContain('write_u6');
  });

  test('deeperBelow: 0 keeps the first pass', async () => {
    const { ctx } = await createTestContext();
    const { text } = await createCodeCompressor({ deeperBelow: 0 }).compress(rustImpl, {
      ...ctx,
      language: 'rust',
    });
    expect(text).toBe(rustImpl);
  });

  test('the deepest pass keeps doc comments and tool directives, and drops other comments', async () => {
    const source = [
      '//#region helpers',
      ...Array.from({ length: 8 }, (_, i) => [
        '/**',
        ` * Adds ${i} to the value.`,
        ' * @param value the number to add to',
        ' */',
        `// plain note ${i}: this was slow once`,
        `export function add${i}(value: number): number {`,
        `  return value + ${i}; // the sum`,
        '}',
        '',
      ]).flat(),
      '// @ts-expect-error the type is wrong on purpose',
      'export const wrong: string = 1;',
      '//#endregion',
      '',
    ].join('\n');
    const { ctx } = await createTestContext();
    const { text } = await createCodeCompressor({ deeperBelow: 1 }).compress(source, {
      ...ctx,
      language: 'typescript',
    });
    expect(text).toContain(
      '/** Adds 7 to the value. */\nexport function add7(value: number): number;\n',
    );
    expect(text).toContain('// @ts-expect-error the type is wrong on purpose\nexport const wrong');
    expect(text).not.toContain('plain note');
    expect(text).not.toContain('region');
  });

  test('data literals fold at a deeper pass, literals holding functions do not', async () => {
    const source = [
      'export const mimes = {',
      ...Array.from({ length: 40 }, (_, i) => `  ext${i}: "application/x-type-${i}",`),
      '};',
      'export const handlers = {',
      ...Array.from({ length: 6 }, (_, i) => `  on${i}(event) { return event.value + ${i}; },`),
      '};',
      '',
    ].join('\n');
    const { text } = await compress(source, 'javascript');
    expect(text).toContain('export const mimes = { /* lines 2-41 omitted */ };');
    expect(text).toContain('export const handlers = {\n  on0(event) {');
  });
});
