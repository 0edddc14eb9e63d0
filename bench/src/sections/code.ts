import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import {
  CODE_LANGUAGES,
  ccrKey,
  codeCompressor,
  createGrammars,
  declaredNamesIn,
  namesMissing,
  type CodeLanguage,
  type CompressorContext,
} from '@headroom/core/internal';
import { benchRepoRoot } from '../data-dir.js';
import { byCodeUnit } from '../order.js';
import { int, median, ms, pct, table } from '../report.js';
import { listFiles, sourceProject } from '../sources/source-tree.js';
import { repomixCompress } from './repomix.js';
import type { BenchSection } from './section.js';

/** One language's real source tree. */
interface Tree {
  language: CodeLanguage;
  name: string;
  files: Array<{ path: string; text: string }>;
}

function readTree(
  language: CodeLanguage,
  name: string,
  root: string,
  paths: readonly string[],
): Tree {
  return {
    language,
    name,
    files: paths.map((path) => ({ path, text: readFileSync(join(root, path), 'utf8') })),
  };
}

/** An installed package's directory in pnpm's store, whatever its version (undefined when absent). */
function installed(prefix: string, inside: string): string | undefined {
  const pnpm = join(benchRepoRoot, 'node_modules', '.pnpm');
  const entry = readdirSync(pnpm)
    .filter((name) => name.startsWith(prefix))
    .sort(byCodeUnit)[0];
  const dir = entry && join(pnpm, entry, 'node_modules', inside);
  return dir && existsSync(dir) ? dir : undefined;
}

function trees(dataDir: string): Tree[] {
  const projects: Array<[CodeLanguage, string, RegExp]> = [
    ['python', 'python/requests', /\.py$/],
    ['go', 'go/cobra', /\.go$/],
    ['rust', 'rust/serde_json', /\.rs$/],
    ['java', 'java/gson', /\.java$/],
    ['cpp', 'cpp/fmt', /\.(h|cc)$/],
  ];
  const out = projects.map(([language, id, pattern]) => {
    const project = sourceProject(dataDir, id);
    return readTree(
      language,
      `${project.repository} @ \`${project.commit.slice(0, 7)}\``,
      project.root,
      listFiles(project.root).filter((p) => pattern.test(p)),
    );
  });
  const ai = installed('ai@', 'ai/src');
  if (ai) {
    const sources = listFiles(ai).filter((p) => extname(p) === '.ts' && !/\.(test|d)\.ts$/.test(p));
    out.push(readTree('typescript', 'npm `ai` sources (`ai/src`)', ai, sources));
    // TSX: the AI SDK's UI sources are valid TSX; Turbo's docs ship the one real .tsx component installed here.
    const tsx = readTree(
      'tsx',
      'npm `ai/src/ui` parsed as TSX + turbo docs `.tsx`',
      ai,
      sources.filter((p) => p.startsWith('ui/')),
    );
    const docs = installed('turbo@', 'turbo/docs');
    if (docs)
      tsx.files.push(
        ...readTree(
          'tsx',
          '',
          docs,
          listFiles(docs).filter((p) => p.endsWith('.tsx')),
        ).files,
      );
    out.push(tsx);
  }
  const hono = installed('hono@', 'hono/dist');
  if (hono)
    out.push(
      readTree(
        'javascript',
        'npm `hono` build (`hono/dist`, ESM)',
        hono,
        listFiles(hono).filter((p) => p.endsWith('.js') && !p.startsWith('cjs/')),
      ),
    );
  return out;
}

/** Loads each grammar in a fresh Node process: the first includes starting the web-tree-sitter runtime. */
function coldGrammarLoads(): Record<string, number> | undefined {
  const script = `
    const { createGrammars } = await import('@headroom/core/internal');
    const out = {};
    for (const language of ${JSON.stringify(CODE_LANGUAGES)}) {
      const start = performance.now();
      await createGrammars().parser(language);
      out[language] = performance.now() - start;
    }
    process.stdout.write(JSON.stringify(out));`;
  try {
    return JSON.parse(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], {
        cwd: join(benchRepoRoot, 'bench'),
        encoding: 'utf8',
      }),
    );
  } catch {
    return undefined;
  }
}

/**
 * Whether `text` still shows a declared name as a word (its last part: `A::g` → `g`). repomix's
 * output is fragments joined by `⋮----`, which no parser reads as declarations, so its names are
 * counted this generous way.
 */
function mentions(text: string, name: string): boolean {
  const last =
    name
      .split(/::|\.|->/)
      .pop()
      ?.trim() ?? name;
  const escaped = last.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\w$])${escaped}(?![\\w$])`).test(text);
}

/** The code compressor over whole real source trees: savings per language, throughput, grammar load times. */
export const codeSection: BenchSection = {
  title: 'Code: tree-sitter outline of real source trees',
  async run(ctx) {
    const context: CompressorContext = {
      query: '',
      countTokens: ctx.countTokens,
      stash: (original) => ccrKey(original),
    };
    const rows: string[][] = [];
    const grammars = createGrammars();
    const all = { before: 0, after: 0, bytes: 0, ms: 0, repomix: 0 };
    let repomixFailure: string | undefined;
    for (const tree of trees(ctx.dataDir)) {
      ctx.log(`code: ${tree.language} (${tree.files.length} files)`);
      const run = { ...context, language: tree.language };
      for (const file of tree.files) await codeCompressor.compress(file.text, run); // warm-up: grammar load, JIT
      const theirs = repomixCompress(tree.files);
      if ('error' in theirs) repomixFailure = theirs.error;
      let before = 0;
      let after = 0;
      let bytes = 0;
      let unchanged = 0;
      let repomixTokens = 0;
      const names = { declared: 0, ours: 0, repomix: 0 };
      const times: number[] = [];
      for (const file of tree.files) {
        const start = performance.now();
        const output = (await codeCompressor.compress(file.text, run)).text;
        times.push(performance.now() - start);
        before += ctx.countTokens(file.text);
        after += ctx.countTokens(output);
        bytes += new TextEncoder().encode(file.text).length;
        if (output === file.text) unchanged++;
        const declared = await declaredNamesIn(file.text, tree.language, grammars);
        const kept = async (text: string) =>
          declared.length -
          namesMissing(declared, await declaredNamesIn(text, tree.language, grammars)).length;
        names.declared += declared.length;
        names.ours += await kept(output);
        if ('files' in theirs) {
          const packed = theirs.files.get(file.path) ?? file.text;
          repomixTokens += ctx.countTokens(packed);
          names.repomix += declared.filter((name) => mentions(packed, name)).length;
        }
      }
      const took = times.reduce((sum, t) => sum + t, 0);
      all.before += before;
      all.after += after;
      all.bytes += bytes;
      all.ms += took;
      all.repomix += repomixTokens;
      const ran = 'files' in theirs;
      const share = (n: number) => (names.declared === 0 ? 'n/a' : pct(n / names.declared));
      rows.push([
        tree.language,
        tree.name,
        int(tree.files.length),
        int(before),
        int(after),
        `**${pct(1 - after / before)}**`,
        ran ? int(repomixTokens) : 'n/a',
        ran ? pct(1 - repomixTokens / before) : 'n/a',
        `${int(names.declared)}`,
        share(names.ours),
        ran ? share(names.repomix) : 'n/a',
        int(unchanged),
        ms(took / (bytes / 2 ** 20)),
        ms(median(times)),
      ]);
    }
    rows.push([
      '**all**',
      '',
      '',
      int(all.before),
      int(all.after),
      `**${pct(1 - all.after / all.before)}**`,
      repomixFailure ? 'n/a' : int(all.repomix),
      repomixFailure ? 'n/a' : pct(1 - all.repomix / all.before),
      '',
      '',
      '',
      '',
      ms(all.ms / (all.bytes / 2 ** 20)),
      '',
    ]);

    ctx.log('code: grammar load times');
    const cold = coldGrammarLoads();
    const warm: string[][] = [];
    for (const language of CODE_LANGUAGES) {
      const start = performance.now();
      await createGrammars().parser(language);
      warm.push([
        language,
        cold?.[language] === undefined ? 'n/a' : ms(cold[language]),
        ms(performance.now() - start),
      ]);
    }

    return [
      'The code compressor called directly (no pipeline, no 15% gate, empty relevance query) on every source file of',
      'the shared projects and of real TypeScript/JavaScript shipped in installed npm packages. It keeps imports,',
      'declarations, signatures, decorators and doc-comment first lines in their order, collapses bodies over 3 lines',
      'to `{ /* lines a-b omitted */ }`; when that saves under 85% of a file it retries deeper (bodies over one',
      'line, with multi-line data tables, initializer lists, `macro_rules!` and `#define` bodies folded; then every',
      'body longer than its placeholder, and of comments only doc comments and tool directives; for C/C++ last a',
      'skeleton: no comments, declaration headers on one line without qualifier macros or `inline`, trailing return',
      'types put in front (`decltype` ones dropped), function template headers dropped when the signature names every',
      'parameter (else without constraint macros and long defaults), long template argument lists in types folded to',
      '`</*…*/>`, enumerators as names, long `#define` values, long variable/field initializers and `static_assert`s',
      'dropped) and keeps the shortest result. C/C++ is parsed with object-like macros (`FMT_CONSTEXPR`,',
      '`FMT_BEGIN_NAMESPACE`) blanked out and `FMT_TRY`/`FMT_CATCH` read as `try`/`catch`. It stores the original',
      '(retrievable per function by name), and returns the',
      'input unchanged when the output would not parse as well, would lose a declared name, or would not be shorter',
      '(small files: "Unchanged"). Time per MB: sum of per-file times after one warm-up pass, including every parse.',
      '',
      '**Names**: the names declared at namespace and class level (top-level definitions and the members of classes,',
      'structs, enums, traits, interfaces, impls, namespaces), read from the tree-sitter parse of each input file;',
      '"kept" is the share that the parse of the output still declares (counted with repeats, so overloads count).',
      "repomix's output is fragments joined by `⋮----` that no parser reads as declarations, so for it the column",
      'counts, more generously, the names still present as a word anywhere in its output.',
      '',
      '**repomix**: `repomix --compress` (the bench pins repomix 1.18.1) run by its CLI on a temp directory holding',
      'exactly the files measured here, as named (it picks its grammar by extension: `.h` gets its C grammar, `.cc`',
      "none, so fmt's sources stay whole), with JSON output and no file summary or directory tree; only each",
      "file's packed content is counted (same o200k counter), none of repomix's own header text. repomix drops what",
      'it does not capture for good; ours stores it for retrieval.',
      '',
      table(
        [
          'Language',
          'Source tree',
          'Files',
          'Tokens',
          'After',
          'Saved',
          'repomix',
          'repomix saved',
          'Names',
          'Names kept',
          'repomix names visible',
          'Unchanged',
          'Time per MB',
          'Median per file',
        ],
        rows,
        ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
      ),
      '',
      '**Grammar loads** (`.wasm` from `@vscode/tree-sitter-wasm`, lazily, once per language). Cold: a fresh Node process',
      'loading them in this order, so the first row includes starting the web-tree-sitter runtime. Warm: a new grammar',
      "cache in this process (runtime already up), i.e. compiling the grammar's WebAssembly again.",
      '',
      table(['Grammar', 'Cold (fresh process)', 'Warm runtime'], warm),
    ].join('\n');
  },
};
