import { describe, expect, it } from 'vitest';
import { bundleCoreAndMiddleware, type BundlePlatform } from './bundle-size.js';

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
      expect(
        report.chunks.every((chunk) => chunk.gzipBytes > 0 && chunk.gzipBytes < chunk.bytes),
      ).toBe(true);
    });
  },
);
