import { routingCorpus } from '../../router/__fixtures__/real-samples.node.js';
import { describeConformance } from '../conformance.case.js';
import { createLogCompressor } from './log-compressor.js';

describeConformance({
  kind: 'log',
  spec: createLogCompressor(),
  samples: () =>
    routingCorpus()
      .filter(({ expected }) => expected === 'log')
      .map(({ file, text }) => ({ name: file, text, query: 'error failed timeout' })),
});
