import { routingCorpus } from '../../router/__fixtures__/real-samples.node.js';
import { describeConformance } from '../conformance.case.js';
import { createSearchCompressor } from './search-compressor.js';

describeConformance({
  kind: 'search',
  spec: createSearchCompressor(),
  samples: () =>
    routingCorpus()
      .filter(({ expected }) => expected === 'search')
      .map(({ file, text }) => ({ name: file, text, query: 'marker store' })),
});
