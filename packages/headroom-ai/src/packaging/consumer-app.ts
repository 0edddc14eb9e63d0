/** What a user's app does with the installed packages: compiled by `tsc` under two module resolutions, then run. */
export const consumerSource = `
import { compress, createHeadroom, headroomMiddleware, MemoryCcrStore, retrieve, type CompressResult, type OpenAIMessage } from 'headroom-ai';
import { FileCcrStore, headroomHome } from 'headroom-ai/node';
import { createCodeCompressor } from '@headroom/core/internal';

const log = Array.from({ length: 300 }, (_, i) => '[INFO] worker ' + (i % 3) + ' handled job ' + i).join('\\n') + '\\n[ERROR] worker 2 crashed: out of memory';
const python = Array.from({ length: 30 }, (_, i) => 'def handler_' + i + '(event):\\n' + '    total = 0\\n'.repeat(12) + '    return total\\n').join('\\n');
const call = (id: string, path: string): OpenAIMessage => ({
  role: 'assistant',
  content: null,
  tool_calls: [{ id, type: 'function', function: { name: 'read', arguments: JSON.stringify({ path }) } }],
});
const messages: OpenAIMessage[] = [
  { role: 'user', content: 'Why did the worker crash?' },
  call('a', 'worker.log'),
  { role: 'tool', tool_call_id: 'a', content: log },
  call('b', 'handlers.py'),
  { role: 'tool', tool_call_id: 'b', content: python },
  { role: 'assistant', content: 'Reading them now.' },
  { role: 'user', content: 'Go on.' },
  { role: 'assistant', content: 'Still reading.' },
  { role: 'user', content: 'And?' },
];
const store = new MemoryCcrStore();
const result: CompressResult<OpenAIMessage> = await compress(messages, { model: 'gpt-4o', store });
const key = result.ccrKeys[0]!;
const back = await retrieve(store, key, { query: 'crashed' });
console.log(JSON.stringify({
  tokensBefore: result.tokensBefore,
  tokensAfter: result.tokensAfter,
  kinds: result.transforms.map((t) => t.kind).sort(),
  retrieved: back.content,
  middleware: typeof headroomMiddleware().transformParams,
  instance: typeof createHeadroom().compress,
  fileStore: new FileCcrStore({ dir: headroomHome({ HEADROOM_HOME: '/tmp/x' }) }) !== undefined,
  code: typeof createCodeCompressor().compress,
}));
`;
