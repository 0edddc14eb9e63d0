// Child-process entry for the cold-start measurement: node boot is over when this line runs, so
// what is timed is loading @headroom/core (and its tokenizer on first use) plus the first compress().
import { readFileSync } from 'node:fs';

const messages: unknown = JSON.parse(readFileSync(process.argv[2] as string, 'utf8'));
const started = performance.now();
const core = await import('@headroom/core');
const imported = performance.now();
const result = await core.compress(messages as never[], { model: 'gpt-4o', store: new core.MemoryCcrStore() });
const done = performance.now();
process.stdout.write(
  JSON.stringify({ importMs: imported - started, firstCallMs: done - imported, bootMs: started, tokensAfter: result.tokensAfter }),
);
