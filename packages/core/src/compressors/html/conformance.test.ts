import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describeConformance } from '../conformance.case.js';
import { createTextCompressor } from '../text/text-compressor.js';
import { createHtmlCompressor } from './compress-html.js';

// npm's own documentation pages, installed with Node: real pages with navigation, CSS and footers.
const npmDocs = resolve(
  dirname(process.execPath),
  '..',
  'lib/node_modules/npm/docs/output/commands',
);
const pages = ['npm-install.html', 'npm-trust.html', '../using-npm/config.html'];

const hasDocs = existsSync(join(npmDocs, pages[0] as string));

describeConformance({
  kind: 'html',
  // As the default pipeline has it: the extracted page text goes through the prose compressor.
  spec: createHtmlCompressor({ text: createTextCompressor() }),
  samples: () =>
    pages.map((page) => ({
      name: page,
      text: readFileSync(join(npmDocs, page), 'utf8'),
      query: 'workspace',
    })),
  skipReason: hasDocs ? undefined : `needs npm's HTML docs next to the Node binary (${npmDocs})`,
});
