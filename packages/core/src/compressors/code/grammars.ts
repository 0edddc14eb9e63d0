import type { Parser } from 'web-tree-sitter';
import { platform } from '#platform';
import { HeadroomError } from '../../errors/headroom-error.js';
import type { CodeLanguage } from '../../types.js';

/** A `.wasm` file as bytes, or where to get it: a URL is fetched; a string is a path in Node and a URL elsewhere. */
export type WasmSource = Uint8Array | ArrayBuffer | URL | string;

/** A grammar per code language, plus `tree-sitter` for the web-tree-sitter runtime itself. */
export type GrammarName = CodeLanguage | 'tree-sitter';

/** Returns where a grammar's `.wasm` is; `undefined` means "use the default" (the runtime finds its own). */
export type GrammarLoader = (
  name: GrammarName,
) => WasmSource | undefined | Promise<WasmSource | undefined>;

/** Where grammars come from: a loader, or a table of bytes/URLs (for bundlers and serverless functions). */
export type GrammarSources = GrammarLoader | Partial<Record<GrammarName, WasmSource>>;

/**
 * Loads the web-tree-sitter module, e.g. `() => import('web-tree-sitter')`. Node finds it by itself; other
 * runtimes pass it, so that core's main entry never names a package that imports Node modules.
 */
export type TreeSitterLoader = () => Promise<unknown>;

declare const parserBrand: unique symbol;

/**
 * A loaded web-tree-sitter `Parser`, opaque in core's public types: web-tree-sitter's own declarations
 * need Emscripten's global types, which an app compiling with `skipLibCheck: false` does not have.
 * Inside core, `treeSitterParser()` gives it its type back.
 */
export interface CodeParser {
  readonly [parserBrand]: true;
}

/** Parsers by language, each grammar loaded once, on first use. */
export interface Grammars {
  /** A parser for `language`; rejects with a `HeadroomError` when its grammar cannot be loaded. */
  parser(language: CodeLanguage): Promise<CodeParser>;
}

type TreeSitter = typeof import('web-tree-sitter');

// The runtime is a process-wide singleton in web-tree-sitter, so its initialisation is too.
let runtime: Promise<TreeSitter> | undefined;

/**
 * Lazily loads grammars from `sources`. Without sources, Node reads the `.wasm` files core ships;
 * other runtimes must pass bytes or URLs, and `treeSitter`.
 */
export function createGrammars(sources?: GrammarSources, treeSitter?: TreeSitterLoader): Grammars {
  const loader = toLoader(sources);
  const parsers = new Map<CodeLanguage, Promise<CodeParser>>();
  return {
    parser(language) {
      let parser = parsers.get(language);
      if (!parser) {
        parser = loadParser(
          loader,
          treeSitter,
          language,
        ) as Promise<unknown> as Promise<CodeParser>;
        // A failed load is forgotten so a later call can retry (a fetch may fail transiently).
        parser.catch(() => parsers.delete(language));
        parsers.set(language, parser);
      }
      return parser;
    },
  };
}

async function loadParser(
  loader: GrammarLoader,
  treeSitterLoader: TreeSitterLoader | undefined,
  language: CodeLanguage,
): Promise<Parser> {
  try {
    // The grammar first: where none is configured, the runtime is never started.
    const source = await loader(language);
    if (source === undefined) throw new Error(`no .wasm configured for ${language}`);
    const treeSitter = await initRuntime(loader, treeSitterLoader);
    const grammar = await treeSitter.Language.load(await toLoadable(source));
    const parser = new treeSitter.Parser();
    parser.setLanguage(grammar);
    return parser;
  } catch (cause) {
    throw new HeadroomError({
      code: 'config_error',
      message: `Could not load the tree-sitter grammar for ${language}: ${cause instanceof Error ? cause.message : String(cause)}`,
      cause,
    });
  }
}

function initRuntime(
  loader: GrammarLoader,
  treeSitterLoader: TreeSitterLoader | undefined,
): Promise<TreeSitter> {
  runtime ??= (async () => {
    const load = treeSitterLoader ?? (isNode() ? platform.loadTreeSitter : undefined);
    if (!load)
      throw new Error(
        "outside Node, pass `treeSitter: () => import('web-tree-sitter')` with the grammars",
      );
    const treeSitter = (await load()) as TreeSitter;
    // Given bytes, the runtime never has to find its own .wasm, which bundles move.
    const source =
      (await loader('tree-sitter')) ??
      (isNode() ? await platform.readWasm?.('tree-sitter') : undefined);
    if (source === undefined) await treeSitter.Parser.init();
    else if (typeof source === 'string' || source instanceof URL)
      await treeSitter.Parser.init({ locateFile: () => String(source) });
    else await treeSitter.Parser.init({ wasmBinary: toBytes(source) });
    return treeSitter;
  })();
  runtime.catch(() => {
    runtime = undefined;
  });
  return runtime;
}

function toLoader(sources: GrammarSources | undefined): GrammarLoader {
  if (typeof sources === 'function') return sources;
  if (sources) return (name) => sources[name];
  return async (name) => {
    if (isNode() && platform.readWasm) return platform.readWasm(name);
    if (name === 'tree-sitter') return undefined;
    throw new Error(
      'outside Node there is no default location for grammars; pass `grammars` (bytes or URLs of the .wasm files)',
    );
  };
}

async function toLoadable(source: WasmSource): Promise<Uint8Array | string> {
  if (typeof source === 'string') return source;
  if (source instanceof URL) {
    const response = await fetch(source);
    if (!response.ok) throw new Error(`fetching ${source.href} answered ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
  return toBytes(source);
}

function toBytes(source: Uint8Array | ArrayBuffer): Uint8Array {
  return source instanceof Uint8Array ? source : new Uint8Array(source);
}

/** Node (or Bun, Deno) with its module system; Vercel's Edge runtime may carry a `process` shim, so it is ruled out by name. */
function isNode(): boolean {
  return typeof globalThis.process?.versions?.node === 'string' && !('EdgeRuntime' in globalThis);
}
