// Child-process entry for one adversarial case: builds the input here (nothing large crosses the pipe), runs
// compress() once and reports time and outcome; the parent enforces the time limit.
import { compress, MemoryCcrStore } from '@headroom/core/internal';
import { adversarialCases } from './adversarial-cases.js';

const hostile = adversarialCases[Number(process.argv[2])]!;
const { messages } = hostile.build();
const chars = messages.reduce(
  (n, m) => n + (typeof m.content === 'string' ? m.content.length : 0),
  0,
);
const started = performance.now();
let outcome: string;
let tokens = { before: 0, after: 0 };
try {
  const result = await compress(messages, { model: 'gpt-4o', store: new MemoryCcrStore() });
  tokens = { before: result.tokensBefore, after: result.tokensAfter };
  outcome =
    result.transforms.length > 0
      ? `compressed (${result.transforms.map((t) => t.strategy).join(', ')})`
      : 'passed through';
} catch (error) {
  const e = error as { name?: string; code?: string; message?: string };
  outcome = `${e.name ?? 'Error'}${e.code ? ` ${e.code}` : ''}`;
}
process.stdout.write(JSON.stringify({ ms: performance.now() - started, chars, outcome, tokens }));
