// Child-process entry for the scaling table: one compress() of one large tool output in a fresh
// process, so peak RSS is this input's alone. Prints time, peak RSS and the token counts.
import { compress, MemoryCcrStore, type OpenAIMessage } from '@headroom/core/internal';
import { scaleInput, type ScaleKind } from './scale/inputs.js';
import { toolTurn } from './tool-turn.js';

const [dataDir, kind, size] = process.argv.slice(2) as [string, ScaleKind, string];
const text = scaleInput(dataDir, kind, Number(size));
const messages: OpenAIMessage[] = [
  { role: 'user', content: 'What went wrong, and where?' },
  ...toolTurn({ name: 'read_output', output: text }),
];
const rssBefore = process.resourceUsage().maxRSS;
const started = performance.now();
const cpuBefore = process.cpuUsage();
// protectRecent 0: code being read (not edited) is compressed even in the last message. The default
// maxSegmentChars (32 MiB) lets every size through.
const result = await compress(messages, {
  model: 'gpt-4o',
  store: new MemoryCcrStore(),
  protectRecent: 0,
});
const ms = performance.now() - started;
const cpu = process.cpuUsage(cpuBefore);
process.stdout.write(
  JSON.stringify({
    ms,
    cpuMs: (cpu.user + cpu.system) / 1000,
    chars: text.length,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baseRssMb: rssBefore / 1024,
    tokensBefore: result.tokensBefore,
    tokensAfter: result.tokensAfter,
    strategy: result.transforms.map((t) => t.strategy).join(', ') || 'unchanged',
  }),
);
