import { describe, expect, it } from 'vitest';
import {
  bundleCoreAndMiddleware,
  rankTables,
  type BundlePlatform,
  type BundleReport,
} from './bundle-size.js';

describe.each<BundlePlatform>(['neutral', 'browser'])(
  'esbuild bundle of core + middleware for %s',
  (platform) => {
    it('builds with no externals and no errors, with no Node module and no web-tree-sitter in it', async () => {
      const report = await bundleCoreAndMiddleware(platform);
      expect(report.errors).toEqual([]);
      expect(report.inputs.some((input) => input.includes('packages/core/dist/index.js'))).toBe(
        true,
      );
      expect(report.inputs.some((input) => input.includes('packages/ai-middleware/dist/'))).toBe(
        true,
      );
      expect(
        report.inputs.filter((input) => /^node:|web-tree-sitter|\/core\/dist\/node\//.test(input)),
      ).toEqual([]);
      expect(report.chunks.filter((chunk) => !chunk.lazy)).toHaveLength(1);
      // The entity decoder is imported on the first HTML page, so it is not in the startup chunk.
      const html = report.inputs.filter((input) => input.includes('/entities/'));
      expect(html.length).toBeGreaterThan(0);
      expect(report.chunks.filter((chunk) => chunk.lazy).length).toBeGreaterThanOrEqual(3);
      expect(
        // esbuild's shared runtime helpers make a chunk of ~100 bytes, which gzip cannot shrink.
        report.chunks.every(
          (chunk) => chunk.gzipBytes > 0 && (chunk.bytes < 1024 || chunk.gzipBytes < chunk.bytes),
        ),
      ).toBe(true);
    });
  },
);

describe('an edge bundle that leaves the rank tables it does not use out', () => {
  it('ships one lazy table with cl100k aliased to no-rank-table, and none with both', async () => {
    const [all, one, none] = await Promise.all([
      bundleCoreAndMiddleware('neutral'),
      bundleCoreAndMiddleware('neutral', ['@headroom/core/ranks/cl100k_base']),
      bundleCoreAndMiddleware('neutral', [...rankTables]),
    ]);
    for (const report of [all, one, none]) expect(report.errors).toEqual([]);
    const tables = (report: BundleReport) =>
      report.inputs.filter((input) => input.includes('packages/core/ranks/'));
    expect(tables(all)).toHaveLength(2);
    expect(tables(one)).toEqual([expect.stringContaining('o200k_base')]);
    expect(tables(none)).toEqual([]);
    // The aliased tables become one empty stand-in chunk; the entity decoder is a lazy chunk in all three.
    const big = (report: BundleReport) =>
      report.chunks.filter((chunk) => chunk.lazy && chunk.gzipBytes > 1024);
    expect(big(all)).toHaveLength(big(none).length + 2);
    expect(big(one)).toHaveLength(big(none).length + 1);
    const total = (report: BundleReport) => report.chunks.reduce((t, c) => t + c.gzipBytes, 0);
    expect(total(one)).toBeLessThan(total(all));
    expect(total(none)).toBeLessThan(total(one) / 3);
  });
});
