import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { detectContent } from '../detect-content.js';
import { installedPath, readInstalled } from '../../test-utils/package-file.node.js';

const jsdocTemplate = (name: string) =>
  readInstalled('protobufjs', `cli/node_modules/jsdoc/templates/default/tmpl/${name}`);
const renderMarkdown = (() => {
  const markdownIt = createRequire(import.meta.url)(
    installedPath('protobufjs', 'cli/node_modules/markdown-it/index.js'),
  ) as (options: object) => { render(markdown: string): string };
  const renderer = markdownIt({ html: true });
  return (markdown: string) => renderer.render(markdown);
})();
const readmes: Array<[string, string]> = [
  ['hono', 'README.md'],
  ['zod', 'README.md'],
  ['express', 'Readme.md'],
  ['typescript', 'README.md'],
  ['@hono/node-server', 'README.md'],
];

describe('html detection on real pages', () => {
  it('a test page with doctype, head and inline script is html', () => {
    const page = readInstalled('protobufjs', 'cli/node_modules/taffydb/taffy-test.html');
    expect(detectContent(page)).toMatchObject({ kind: 'html', confidence: 0.95 });
  });

  it("jsdoc's page layout and its markup-only fragments are html", () => {
    expect(detectContent(jsdocTemplate('layout.tmpl')).kind).toBe('html');
    expect(detectContent(jsdocTemplate('tutorial.tmpl')).kind).toBe('html');
    expect(detectContent(jsdocTemplate('source.tmpl')).kind).toBe('html');
  });

  it("GitHub's rendered-markdown API response (a fragment, no doctype) is html", () => {
    const recordings = JSON.parse(
      readInstalled(
        '@octokit/fixtures',
        'scenarios/api.github.com/markdown/normalized-fixture.json',
      ),
    ) as Array<{
      response: unknown;
    }>;
    const pages = recordings
      .map((recording) => recording.response)
      .filter((body): body is string => typeof body === 'string');
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) expect(detectContent(page).kind, page).toBe('html');
  });

  it.each(readmes)('%s README rendered to HTML by markdown-it is html', (pkg, file) => {
    expect(detectContent(renderMarkdown(readInstalled(pkg, file))).kind).toBe('html');
  });
});

describe('html detection guards', () => {
  it.each(readmes)(
    'the %s README itself (markdown, some opening with <div align>) is not html',
    (pkg, file) => {
      expect(detectContent(readInstalled(pkg, file)).kind).not.toBe('html');
    },
  );

  it('JSX in a .tsx file is not html', () => {
    const tsx = readInstalled('turbo', 'docs/guides/tools/create-turbo-callout.tsx');
    expect(detectContent(tsx).kind).not.toBe('html');
  });

  it('SVG images (XML, not HTML) are not html', () => {
    expect(detectContent(readInstalled('@anthropic-ai/sdk', '.github/logo.svg')).kind).not.toBe(
      'html',
    );
    expect(
      detectContent(
        readInstalled(
          'protobufjs',
          'cli/node_modules/jsdoc/templates/default/static/fonts/OpenSans-Italic-webfont.svg',
        ),
      ).kind,
    ).not.toBe('html');
  });

  it('a file named .html is html even when its start is a template tag', () => {
    expect(
      detectContent(jsdocTemplate('container.tmpl'), { fileName: 'container.html' }).kind,
    ).toBe('html');
  });
});
