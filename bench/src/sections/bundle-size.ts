import {
  bundleCoreAndMiddleware,
  rankTables,
  type BundleChunk,
  type BundlePlatform,
} from '../bundle/bundle-size.js';
import { int, table } from '../report.js';
import type { BenchSection } from './section.js';

const kb = (bytes: number) => `${int(bytes / 1024)} KB`;
const sum = (chunks: readonly BundleChunk[], key: 'bytes' | 'gzipBytes') =>
  chunks.reduce((total, chunk) => total + chunk[key], 0);

/** Size of core + middleware as an edge function or a browser app ships it (esbuild, minified, gzip). */
export const bundleSection: BenchSection = {
  title: 'Bundle size (core + AI SDK middleware, esbuild)',
  async run(ctx) {
    const rows: string[][] = [];
    const variants: Array<[BundlePlatform, string, Array<(typeof rankTables)[number]>]> = [
      ['neutral', 'both (default)', []],
      ['browser', 'both (default)', []],
      ['neutral', 'o200k only: cl100k aliased out', ['@headroom/core/ranks/cl100k_base']],
      ['neutral', 'none: both aliased out, `tokenizer: { count }`', [...rankTables]],
    ];
    for (const [platform, tables, withoutTables] of variants) {
      const report = await bundleCoreAndMiddleware(platform, withoutTables);
      if (report.errors.length > 0)
        ctx.problem(`bundling for ${platform} failed: ${report.errors.join('; ')}`);
      const startup = report.chunks.filter((chunk) => !chunk.lazy);
      const lazy = report.chunks.filter((chunk) => chunk.lazy);
      rows.push([
        `\`${platform}\``,
        tables,
        kb(sum(startup, 'bytes')),
        kb(sum(startup, 'gzipBytes')),
        lazy.length === 0 ? '—' : lazy.map((chunk) => kb(chunk.gzipBytes)).join(' + '),
        kb(sum(report.chunks, 'gzipBytes')),
      ]);
    }
    return [
      '`import` of `@headroom/core` and `@headroom/ai-middleware` bundled by esbuild with `platform` neutral (edge',
      'functions, workers) and browser: ESM, minified, no externals, dynamic imports split into lazy chunks (the',
      'tokenizer rank tables, loaded on the first count for a model; the HTML parser, loaded on the first HTML',
      'page). No Node module and no web-tree-sitter is in',
      'either bundle (checked by `bench/src/bundle/bundle-size.test.ts`). A route loads one table, the one its',
      'model needs; an app that counts one way for every model (`tokenizer: { ranks }` or `{ count }`) can alias',
      'the tables it never loads to `@headroom/core/no-rank-table` so they are not deployed at all.',
      '',
      table(
        [
          'platform',
          'rank tables in the bundle',
          'startup chunk',
          'startup gzip',
          'lazy chunks, each (gzip)',
          'total gzip',
        ],
        rows,
        ['l', 'l', 'r', 'r', 'r', 'r'],
      ),
    ].join('\n');
  },
};
