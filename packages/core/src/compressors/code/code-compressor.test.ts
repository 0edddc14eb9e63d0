import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findMarkerKeys } from '../../ccr/marker.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { dataDir, noDataReason } from '../../test-utils/data-dir.node.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { defaultCompressors } from '../defaults.js';
import {
  dataCorpora,
  definitions,
  packageCorpora,
  parse,
  type Corpus,
  type Definition,
} from './__fixtures__/corpora.node.js';
import { codeCompressor } from './code-compressor.js';
import { languageSpecs } from './languages.js';
import { isReadName } from './declared-names.js';
import { namesMissing } from './name-check.js';
import { countSyntaxErrors } from './syntax-errors.js';

interface FileRun {
  file: string;
  text: string;
  output: string;
  defs: Definition[];
  /** The names of the definitions the output's parse holds. */
  kept: string[];
}

/** Compresses every file of a corpus with an empty query and checks what must hold for each. */
async function compressCorpus(corpus: Corpus): Promise<FileRun[]> {
  const runs: FileRun[] = [];
  for (const file of corpus.files) {
    const text = readFileSync(file, 'utf8');
    const { ctx, stashed } = await createTestContext();
    const { text: output } = await codeCompressor.compress(text, {
      ...ctx,
      language: corpus.language,
    });
    const before = await parse(corpus.language, text);
    const after = await parse(corpus.language, output);
    try {
      expect(
        countSyntaxErrors(after),
        `${file} parses no worse than the original`,
      ).toBeLessThanOrEqual(countSyntaxErrors(before));
      const defs = definitions(before, text, corpus.language);
      if (output !== text) {
        const keys = findMarkerKeys(output);
        expect(keys, `${file} carries one marker`).toHaveLength(1);
        expect(stashed.get(keys[0] as string)).toEqual({
          original: text,
          meta: { kind: 'code', language: corpus.language, count: text.split('\n').length },
        });
      }
      const kept = definitions(after, output, corpus.language).map((def) => def.name);
      runs.push({ file, text, output, defs, kept });
    } finally {
      before.delete();
      after.delete();
    }
  }
  return runs;
}

/** The function with the largest collapsed body in the corpus whose name is unique in its file. */
function largestCollapsed(runs: readonly FileRun[], skip = 0): { run: FileRun; def: Definition } {
  const candidates = runs.flatMap((run) =>
    run.defs
      .filter(
        (def) =>
          def.body &&
          !run.output.includes(def.body) &&
          run.defs.filter((d) => d.name === def.name).length === 1,
      )
      .filter((def) => /^[A-Za-z_]\w{3,}$/.test(def.name))
      .map((def) => ({ run, def })),
  );
  candidates.sort(
    (a, b) =>
      (b.def.body?.length ?? 0) - (a.def.body?.length ?? 0) || a.run.file.localeCompare(b.run.file),
  );
  const pick = candidates[skip];
  if (!pick) throw new Error('no collapsed function in corpus');
  return pick;
}

function checkCorpus(corpus: Corpus): void {
  let runs: FileRun[] = [];

  test(`${corpus.language} (${corpus.name}, ${corpus.files.length} files): outputs parse and every top-level and class-level name survives`, async () => {
    expect(corpus.files.length).toBeGreaterThan(0);
    runs = await compressCorpus(corpus);
    for (const run of runs) {
      // C/C++'s deepest pass rewrites headers (one line, no qualifier macros or implied template
      // headers): there every definition must still be declared under its name as the names check
      // reads them (one line, not over 200 characters), whatever its layout; elsewhere each head
      // stays verbatim.
      const layoutFree = (names: readonly string[]) =>
        names.map((name) => name.replace(/\s+/g, ''));
      if (languageSpecs[corpus.language].skeleton)
        expect(
          namesMissing(
            layoutFree(run.defs.map((def) => def.name).filter(isReadName)),
            layoutFree(run.kept),
          ),
          run.file,
        ).toEqual([]);
      else
        for (const def of run.defs)
          expect(run.output, `${run.file}: ${def.name}`).toContain(def.head);
    }
    const before = runs.reduce((sum, r) => sum + r.text.length, 0);
    const after = runs.reduce((sum, r) => sum + r.output.length, 0);
    expect(after / before, 'the corpus shrinks').toBeLessThan(0.9);
  });

  test(`${corpus.language}: retrieving by a function's name returns its exact original source`, async () => {
    const { run, def } = largestCollapsed(runs);
    const { ctx, store } = await createTestContext();
    const { text: output } = await codeCompressor.compress(run.text, {
      ...ctx,
      language: corpus.language,
    });
    const key = findMarkerKeys(output)[0] as string;
    const found = await retrieve(store, key, { query: def.name });
    expect(found.matched, `${def.name} in ${run.file}`).toBeGreaterThan(0);
    expect(found.content).toContain(def.text);
    expect(found.content.length).toBeLessThan(run.text.length);
  });

  test(`${corpus.language}: a query naming a function keeps its body whole`, async () => {
    const { run, def } = largestCollapsed(runs, 1);
    const { ctx } = await createTestContext({ query: `Why does ${def.name} fail here?` });
    const { text: output } = await codeCompressor.compress(run.text, {
      ...ctx,
      language: corpus.language,
    });
    expect(output).not.toBe(run.text);
    expect(output).toContain(def.body);
  });
}

describe.skipIf(!dataDir)(`code compressor on real projects (${noDataReason})`, () => {
  for (const corpus of dataCorpora()) describe(corpus.name, () => checkCorpus(corpus));
});

describe('code compressor on TypeScript, TSX and JavaScript from installed packages', () => {
  for (const corpus of packageCorpora()) describe(corpus.name, () => checkCorpus(corpus));
});

describe('code compressor behaviour', () => {
  const python = [
    'import os',
    '',
    'def load(path):',
    '    """Read a config file.',
    '',
    '    Longer story.',
    '    """',
    '    with open(path) as f:',
    '        data = f.read()',
    '    data = data.replace("\\r\\n", "\\n")',
    '    data = data.strip()',
    '    data = "\\n".join(line for line in data.split("\\n") if not line.startswith("#"))',
    '    if not data:',
    '        raise ValueError("config file %s is empty" % path)',
    '    return data',
    '',
    'def short():',
    '    return 1',
    '',
  ].join('\n');

  test('collapses a body to a placeholder with original line numbers and keeps the docstring summary', async () => {
    const { ctx } = await createTestContext();
    const { text } = await codeCompressor.compress(python, { ...ctx, language: 'python' });
    expect(text.split('\n').slice(1).join('\n')).toBe(
      [
        'import os',
        '',
        'def load(path):',
        '    """Read a config file."""',
        '    ...  # lines 8-15 omitted',
        '',
        'def short():',
        '    return 1',
        '',
      ].join('\n'),
    );
    expect(text.split('\n')[0]).toMatch(
      /^# <<ccr:[0-9a-f]{24} 19 lines; query a name for its source; call headroom_retrieve>>$/,
    );
  });

  test('keeps the body that raises the error pasted into the query', async () => {
    const { ctx } = await createTestContext({
      query: 'Startup fails with: config file /etc/app.ini is empty. Why?',
    });
    const { text } = await codeCompressor.compress(python, { ...ctx, language: 'python' });
    expect(text).toBe(python);
  });

  test('takes the language from the file name when the router gave none, and passes unknown languages through', async () => {
    const { ctx } = await createTestContext();
    expect(
      (await codeCompressor.compress(python, { ...ctx, fileName: 'src/app/config.py' })).text,
    ).toContain('...  # lines 8-15 omitted');
    expect((await codeCompressor.compress(python, { ...ctx, fileName: 'notes.txt' })).text).toBe(
      python,
    );
    expect((await codeCompressor.compress(python, ctx)).text).toBe(python);
  });

  test('is the default for the code kind, with its unit splitter', () => {
    expect(defaultCompressors.code).toBe(codeCompressor);
    expect(defaultCompressors.code?.units).toBeTypeOf('function');
  });

  test('gives the same bytes for the same input', async () => {
    const source = readFileSync(packageCorpora()[0]?.files[0] as string, 'utf8');
    const a = await codeCompressor.compress(source, {
      ...(await createTestContext()).ctx,
      language: 'typescript',
    });
    const b = await codeCompressor.compress(source, {
      ...(await createTestContext()).ctx,
      language: 'typescript',
    });
    expect(a.text).toBe(b.text);
  });
});
