import { basename } from 'node:path';
import { compress, type CompressResult, type OpenAIMessage } from '@headroom/core';
import { appendLedger, ledgerRecord } from '../stats-ledger/index.js';
import { readInput } from './read-input.js';

/** The model `headroom compress` counts tokens for when `--model` is not given. */
const DEFAULT_MODEL = 'gpt-4o';

/** Options of `headroom compress`. */
export interface CompressCommandOptions {
  source: string;
  model?: string;
  query?: string;
  json?: boolean;
}

/** The two input shapes: a messages array, or one raw tool output. */
function asMessages(input: string, source: string, query: string | undefined): { messages: unknown[]; isToolOutput: boolean } {
  try {
    const parsed: unknown = JSON.parse(input);
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((m) => typeof m === 'object' && m !== null && 'role' in m)) {
      return { messages: parsed, isToolOutput: false };
    }
  } catch {
    // Not a messages file: treat it as a tool output.
  }
  const fileName = source === '-' ? undefined : basename(source);
  const messages: OpenAIMessage[] = [
    { role: 'user', content: query ?? 'Look at this tool output.' },
    {
      role: 'assistant',
      content: null,
      tool_calls: [{ id: 'call_cli', type: 'function', function: { name: 'read', arguments: JSON.stringify({ path: fileName }) } }],
    },
    { role: 'tool', tool_call_id: 'call_cli', content: input },
  ];
  return { messages, isToolOutput: true };
}

/** `tokens 12,345 → 1,234 (saved 90.0%) · json 12,000 → 1,000` */
export function summaryLine(result: CompressResult<unknown>): string {
  const fmt = (n: number) => n.toLocaleString('en-US');
  const saved = result.tokensBefore === 0 ? 0 : (100 * result.tokensSaved) / result.tokensBefore;
  const byKind = new Map<string, { before: number; after: number }>();
  for (const t of result.transforms) {
    const k = byKind.get(t.kind) ?? { before: 0, after: 0 };
    k.before += t.tokensBefore;
    k.after += t.tokensAfter;
    byKind.set(t.kind, k);
  }
  const kinds = [...byKind].map(([kind, k]) => ` · ${kind} ${fmt(k.before)} → ${fmt(k.after)}`).join('');
  return `tokens ${fmt(result.tokensBefore)} → ${fmt(result.tokensAfter)} (saved ${saved.toFixed(1)}%)${kinds}`;
}

/** Runs `headroom compress` and returns what to print on stdout and stderr. */
export async function runCompress(options: CompressCommandOptions): Promise<{ stdout: string; stderr: string }> {
  const input = await readInput(options.source);
  const { messages, isToolOutput } = asMessages(input, options.source, options.query);
  const model = options.model ?? DEFAULT_MODEL;
  const started = performance.now();
  const result = await compress(messages as OpenAIMessage[], { model, query: options.query });
  const recorded = await appendLedger(ledgerRecord(result, { source: 'cli', model, ms: performance.now() - started }));
  const warning = recorded.ok ? '' : `\nwarning: could not record stats: ${String(recorded.error)}`;
  if (options.json) return { stdout: JSON.stringify(result, null, 2), stderr: warning.trimStart() };
  const body = isToolOutput ? String((result.messages.at(-1) as OpenAIMessage).content) : JSON.stringify(result.messages, null, 2);
  return { stdout: body, stderr: summaryLine(result) + warning };
}
