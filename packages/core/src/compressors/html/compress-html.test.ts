import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installedPath } from '../../test-utils/package-file.node.js';
import { findMarkerKeys } from '../../ccr/marker.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { createTextCompressor } from '../text/text-compressor.js';
import { createHtmlCompressor } from './compress-html.js';
import { extractReadableText } from './extract-text.js';

const { compress: compressHtml } = createHtmlCompressor({ text: createTextCompressor() });

// npm ships its documentation as HTML pages beside node; the pages are real generated docs with
// inline CSS, SVG logos, a banner, a table of contents and a footer.
const npmDocs = resolve(
  dirname(process.execPath),
  '..',
  'lib',
  'node_modules',
  'npm',
  'docs',
  'output',
  'commands',
);
const hasNpmDocs = existsSync(join(npmDocs, 'npm-install.html'));
const npmPage = (name: string): string => readFileSync(join(npmDocs, name), 'utf8');

// A test page that ships inside an installed package (protobufjs → jsdoc → taffydb): all script, one sentence of text.
const taffyPage = installedPath('protobufjs', 'cli/node_modules/taffydb/taffy-test.html');

describe.skipIf(!hasNpmDocs)(
  hasNpmDocs
    ? "HTML on npm's own documentation pages"
    : "HTML on npm's documentation pages: skipped, npm docs not installed beside node",
  () => {
    it('extracts headings, paragraphs, lists, code blocks and links with URLs, and drops styles, logos, the TOC and the footer', async () => {
      const text = await extractReadableText(npmPage('npm-install.html'));
      expect(text).toMatch(/^# npm-install @\d+\.\d+\.\d+$/m);
      expect(text).toContain('### Synopsis');
      expect(text).toContain('```\nnpm install [<package-spec> ...]');
      expect(text).toContain('- `npm-shrinkwrap.json`');
      expect(text).toContain('use [`npm ci`](../commands/npm-ci.html) instead');
      expect(text).toContain(
        'This command installs a package and any packages that it depends on.',
      );
      for (const boilerplate of [
        'background-color',
        'polygon',
        'Table of contents',
        'Edit this page on GitHub',
        'npm command-line interface',
      ]) {
        expect(text).not.toContain(boilerplate);
      }
    });

    it('renders tables as Markdown rows with a header separator', async () => {
      const text = await extractReadableText(npmPage('npm-trust.html'));
      expect(text).toContain('| Flag | Default | Type | Description |\n| --- | --- | --- | --- |');
      expect(text).toMatch(/^\| `--dry-run` \| false \| Boolean \| /m);
    });

    it('compresses the page, stores the HTML, and a query returns the matching paragraphs', async () => {
      const html = npmPage('npm-install.html');
      const { ctx, store, stashed } = await createTestContext({
        query: 'how does npm install use package-lock.json',
      });
      const output = await compressHtml(html, ctx);
      expect(output.strategy).toMatch(/^html:extract/);
      expect(ctx.countTokens(output.text)).toBeLessThan(ctx.countTokens(html) * 0.75);
      const htmlKey = findMarkerKeys(output.text).find((k) => stashed.get(k)?.meta.kind === 'html');
      expect((await retrieve(store, htmlKey!)).content).toBe(html);
      const found = await retrieve(store, htmlKey!, { query: 'install-links directory link' });
      expect(found.content).toContain('--install-links');
      expect(found.content).not.toMatch(/<\/?(?:p|code|li|pre)>/);
    });

    it('handles every npm documentation page: compressed with savings or passed through, never empty', async () => {
      for (const name of readdirSync(npmDocs).filter((f) => f.endsWith('.html'))) {
        const html = npmPage(name);
        const { ctx } = await createTestContext();
        const output = await compressHtml(html, ctx);
        expect(output.text.trim().length, name).toBeGreaterThan(0);
        if (output.text !== html) expect(output.text.length, name).toBeLessThan(html.length);
      }
    });
  },
);

describe('HTML with little readable text', () => {
  it.skipIf(!existsSync(taffyPage))(
    'keeps a script-only page as it is rather than an almost empty extract',
    async () => {
      const html = readFileSync(taffyPage, 'utf8');
      expect(await extractReadableText(html)).toBe(
        '# taffy test\n\nPlease open your javascript console to see test results',
      );
      const { ctx, stashed } = await createTestContext();
      expect((await compressHtml(html, ctx)).text).toBe(html);
      expect(stashed.size).toBe(0);
    },
  );

  it('survives malformed and binary input', async () => {
    const { ctx } = await createTestContext();
    for (const bad of [
      '<div><p>unclosed <b>tags <table><tr><td>cell',
      '\u0000\u0001\uFFFD<<>>\uD800',
      '<'.repeat(10_000),
    ]) {
      const output = await compressHtml(bad, ctx);
      expect(typeof output.text).toBe('string');
    }
  });
});
