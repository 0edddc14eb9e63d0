import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { benchRepoRoot } from '../data-dir.js';

/** Platforms an app may bundle Headroom for without Node: edge functions and workers (`neutral`), browsers. */
export type BundlePlatform = 'neutral' | 'browser';

/** One output file of the bundle. */
export interface BundleChunk {
  path: string;
  bytes: number;
  gzipBytes: number;
  /** Loaded on first use through a dynamic `import()` (tokenizer tables), not at startup. */
  lazy: boolean;
}

/** What esbuild made of core + the AI SDK middleware for one platform. */
export interface BundleReport {
  platform: BundlePlatform;
  chunks: BundleChunk[];
  errors: string[];
  /** Every module that ended up in the bundle, for checks such as "no node: module, no web-tree-sitter". */
  inputs: string[];
}

/** What an edge route imports: core's main entry and the middleware. */
const entry =
  "export * from '@headroom/core/internal';\nexport * from '@headroom/ai-middleware';\n";

/** The rank tables core imports on first use, which an app may alias to `@headroom/core/no-rank-table`. */
export const rankTables = [
  '@headroom/core/ranks/o200k_base',
  '@headroom/core/ranks/cl100k_base',
] as const;

/**
 * Bundles core + middleware with esbuild: ESM, minified, no externals, dynamic imports split into
 * chunks so the startup bundle and the lazily loaded parts are measured apart. `withoutTables` are
 * aliased to `@headroom/core/no-rank-table`, as an app that passes the `tokenizer` option does.
 */
export async function bundleCoreAndMiddleware(
  platform: BundlePlatform,
  withoutTables: ReadonlyArray<(typeof rankTables)[number]> = [],
): Promise<BundleReport> {
  const result = await build({
    alias: Object.fromEntries(
      withoutTables.map((table) => [table, '@headroom/core/no-rank-table']),
    ),
    stdin: { contents: entry, resolveDir: `${benchRepoRoot}/bench`, loader: 'js' },
    bundle: true,
    platform,
    format: 'esm',
    splitting: true,
    minify: true,
    outdir: 'out',
    write: false,
    metafile: true,
    logLevel: 'silent',
  }).catch((error: { errors?: Array<{ text: string }> }) => ({
    errors: error.errors ?? [{ text: String(error) }],
    outputFiles: [],
    metafile: undefined,
  }));
  const metafile = result.metafile as Metafile | undefined;
  const entryPoint = Object.entries(metafile?.outputs ?? {}).find(
    ([, output]) => output.entryPoint !== undefined,
  )?.[0];
  const chunks = (result.outputFiles ?? [])
    .filter((file) => file.path.endsWith('.js'))
    .map((file) => ({
      path: file.path.slice(file.path.lastIndexOf('/out/') + 1),
      bytes: file.contents.byteLength,
      gzipBytes: gzipSync(file.contents).byteLength,
      lazy: !file.path.endsWith(`/${entryPoint ?? ''}`),
    }));
  return {
    platform,
    chunks,
    errors: result.errors.map((e) => e.text),
    inputs: Object.keys(metafile?.inputs ?? {}),
  };
}
