import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { routingCorpus } from '../../router/__fixtures__/real-samples.node.js';
import { describeConformance } from '../conformance.case.js';
import { smartCrusher } from '../json/smart-crusher.js';
import { createSearchCompressor } from './search-compressor.js';

/** The repository's example code-search tool result (JSON hits over spf13/cobra). */
const codeSearchJson = readFileSync(
  fileURLToPath(new URL('../../../../../examples/tool-outputs/code-search.json', import.meta.url)),
  'utf8',
);

describeConformance({
  kind: 'search',
  spec: createSearchCompressor({ json: smartCrusher }),
  samples: () => [
    ...routingCorpus()
      .filter(({ expected }) => expected === 'search')
      .map(({ file, text }) => ({ name: file, text, query: 'marker store' })),
    { name: 'code-search.json', text: codeSearchJson, query: 'which commands take no arguments?' },
  ],
});
