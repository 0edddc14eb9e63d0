import { readFileSync } from 'node:fs';
import { installedPath } from '../../test-utils/package-file.node.js';
import { describeConformance } from '../conformance.case.js';
import { createTableCompressor } from './table-compressor.js';

const vega = (file: string) => readFileSync(installedPath('vega-datasets', `data/${file}`), 'utf8');

describeConformance({
  kind: 'table',
  spec: createTableCompressor(),
  samples: () => [
    { name: 'seattle-weather.csv', text: vega('seattle-weather.csv'), query: 'snow' },
    { name: 'airports.csv', text: vega('airports.csv').split('\n').slice(0, 800).join('\n') },
    { name: 'unemployment.tsv', text: vega('unemployment.tsv') },
  ],
});
