import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { installedPath } from '../../test-utils/package-file.node.js';
import {
  githubExchanges,
  githubResponse,
  hasGithubFixtures,
  noGithubReason,
} from './__fixtures__/records.node.js';
import { humanSize, opaqueKind } from './opaque-string.js';

describe('opaqueKind', () => {
  it('finds base64 payloads, raw and as data URIs, with MIME line breaks', () => {
    const png = readFileSync(installedPath('vega-datasets', 'data/ffox.png')).toString('base64');
    expect(opaqueKind(png, 256)).toBe('base64');
    expect(opaqueKind(`data:image/png;base64,${png}`, 256)).toBe('base64');
    expect(opaqueKind(png.replace(/(.{76})/g, '$1\n'), 256)).toBe('base64');
    expect(opaqueKind(png.slice(0, 200), 256)).toBeUndefined();
  });

  it('leaves prose, code and long URLs alone', () => {
    const readme = readFileSync(installedPath('typescript', 'README.md'), 'utf8');
    expect(opaqueKind(readme.slice(0, 2000), 256)).toBeUndefined();
    const code = readFileSync(installedPath('typescript', 'lib/lib.es5.d.ts'), 'utf8').slice(
      0,
      3000,
    );
    expect(opaqueKind(code, 256)).toBeUndefined();
    const url = `https://api.github.com/search/issues?q=${'sesame+repo%3Aoctokit-fixture-org%2Fsearch-issues+'.repeat(8)}`;
    expect(opaqueKind(url, 256)).toBeUndefined();
  });

  it('finds binary junk', () => {
    const wasm = readFileSync(installedPath('web-tree-sitter', 'tree-sitter.wasm'))
      .subarray(0, 4096)
      .toString('latin1');
    expect(opaqueKind(wasm, 256)).toBe('binary');
  });

  it.skipIf(!hasGithubFixtures)(
    `finds HTML and hex payloads in real API responses (${hasGithubFixtures ? 'octokit fixtures' : noGithubReason})`,
    () => {
      const html = githubResponse('markdown', /markdown$/) as string;
      expect(opaqueKind(html, 256)).toBe('html');
      const archive = githubExchanges().find((exchange) => exchange.responseIsBinary)!
        .response as string;
      expect(opaqueKind(archive, 256)).toBe('hex');
    },
  );
});

describe('sizes', () => {
  it('prints byte sizes humanly', () => {
    expect(humanSize(123)).toBe('123B');
    expect(humanSize(4608)).toBe('4.5KB');
    expect(humanSize(1258291)).toBe('1.2MB');
  });
});
