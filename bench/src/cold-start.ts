// Child-process entry for the cold-start measurement: node boot is over when this line runs, so what is
// timed is loading @headroom/core, loading its tokenizer, and the first compress().
import { readFileSync } from 'node:fs';

const messages: unknown = JSON.parse(readFileSync(process.argv[2] as string, 'utf8'));
const started = performance.now();
const core = await import('@headroom/core/internal');
const imported = performance.now();
await core.createTokenCounter('gpt-4o');
const tokenizer = performance.now();
const result = await core.compress(messages as never[], {
  model: 'gpt-4o',
  store: new core.MemoryCcrStore(),
});
const done = performance.now();
process.stdout.write(
  JSON.stringify({
    bootMs: started,
    importMs: imported - started,
    tokenizerMs: tokenizer - imported,
    firstCallMs: done - tokenizer,
    tokensAfter: result.tokensAfter,
  }),
);
