import { readFileSync } from 'node:fs';
import { routingCorpus } from '../../router/__fixtures__/real-samples.node.js';
import { installedPath } from '../../test-utils/package-file.node.js';
import { describeConformance } from '../conformance.case.js';
import { createTextCompressor } from './text-compressor.js';

describeConformance({
  kind: 'text',
  spec: createTextCompressor(),
  samples: () => [
    ...routingCorpus()
      .filter(({ expected }) => expected === 'text')
      .map(({ file, text }) => ({ name: file, text })),
    {
      name: 'typescript README.md',
      text: readFileSync(installedPath('typescript', 'README.md'), 'utf8'),
      query: 'how to contribute',
    },
  ],
});
