import type { OpenAIMessage } from '@headroom/core/internal';
import { toolTurn } from './tool-turn.js';

/** One hostile input: the conversation it is sent in, and what issue 16/15 measured before the fixes. */
export interface AdversarialCase {
  name: string;
  /** What an older build did with it, as measured when the problem was reported. */
  before: string;
  build(): { messages: OpenAIMessage[]; system?: string };
}

const withToolOutput = (content: string, question = 'What went wrong?'): OpenAIMessage[] => [
  { role: 'user', content: question },
  ...toolTurn({ name: 'run', output: content }),
  { role: 'user', content: 'Go on.' },
];

/** Deterministic bytes 0–255 (no NUL) decoded as UTF-8, like a PNG read as text. */
function binaryText(length: number): string {
  const bytes = Uint8Array.from({ length }, (_, i) => ((i * 151 + 7) % 255) + 1);
  return new TextDecoder().decode(bytes);
}

function logLines(bytes: number): string {
  const lines: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `2026-11-30T10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z ${i % 97 === 0 ? 'ERROR' : 'INFO'} worker-${i % 7} request ${i} served in ${i % 500} ms`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

/** The adversarial inputs of the reliability and performance work, each run in its own process by the bench. */
export const adversarialCases: readonly AdversarialCase[] = [
  {
    name: '20,000 unclosed `<<ccr:` openers in a user message (620 KB)',
    before: '5.6 s (marker scan)',
    build: () => ({
      messages: [{ role: 'user', content: '<<ccr:0123456789abcdef01234567 '.repeat(20_000) }],
    }),
  },
  {
    name: '"session id" + 80,000 spaces in the system prompt',
    before: '6.8 s (volatile-value scan)',
    build: () => ({
      messages: [
        { role: 'system', content: `session id${' '.repeat(80_000)}x` },
        { role: 'user', content: 'hi' },
      ],
    }),
  },
  {
    name: '100,000 nested `<div>` as a tool output',
    before: '4–7 s (HTML parse)',
    build: () => ({
      messages: withToolOutput(
        `<html><body>${'<div>'.repeat(100_000)}text${'</div>'.repeat(100_000)}</body></html>`,
      ),
    }),
  },
  {
    name: '8,000 spaces in a tool output',
    before: '~10 s (token count)',
    build: () => ({ messages: withToolOutput(`start${' '.repeat(8_000)}end`) }),
  },
  {
    name: '100,000 spaces in a tool output',
    before: 'not measured (quadratic)',
    build: () => ({ messages: withToolOutput(`start${' '.repeat(100_000)}end`) }),
  },
  {
    name: '2,000 emoji in a tool output',
    before: '4.6 s (token count)',
    build: () => ({ messages: withToolOutput('🚀'.repeat(2_000)) }),
  },
  {
    name: '12 KB `[{},{},…]`',
    before: '11 s',
    build: () => ({ messages: withToolOutput(`[${Array(4_000).fill('{}').join(',')}]`) }),
  },
  {
    name: '1.2 MB `[{},{},…]`',
    before: 'never finished',
    build: () => ({ messages: withToolOutput(`[${Array(400_000).fill('{}').join(',')}]`) }),
  },
  {
    name: '100,000-deep JSON array',
    before: 'never finished',
    build: () => ({ messages: withToolOutput(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) }),
  },
  {
    name: 'binary bytes decoded as text (64 KB)',
    before: '"compressed" as prose with U+FFFD',
    build: () => ({ messages: withToolOutput(binaryText(65_536)) }),
  },
  {
    name: 'one 1 MB line of letters',
    before: '—',
    build: () => ({ messages: withToolOutput('ab'.repeat(512 * 1024)) }),
  },
  {
    name: '16 MB log in one tool output',
    before: 'passed through, estimated count',
    build: () => ({ messages: withToolOutput(logLines(16 * 1024 * 1024)) }),
  },
];
