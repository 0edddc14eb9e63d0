import { routingCorpus } from '../../router/__fixtures__/real-samples.node.js';
import { describeConformance } from '../conformance.case.js';
import { createJsonCompressor } from './smart-crusher.js';

/** JSON arrays made of real JSON-lines logs of the routing corpus (pino records, pretty and compact). */
function samples() {
  const lines = routingCorpus().find(({ file }) => file === 'json-lines.log');
  if (!lines) throw new Error('the routing corpus lost json-lines.log');
  const records = lines.text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as unknown);
  return [
    { name: 'pino records, compact', text: JSON.stringify(records), query: 'error' },
    { name: 'pino records, pretty', text: JSON.stringify(records, null, 2) },
    {
      name: 'records nested under a key',
      text: JSON.stringify({ total: records.length, items: records }, null, 2),
    },
  ];
}

describeConformance({ kind: 'json', spec: createJsonCompressor(), samples });
