import { basename } from 'node:path';
import { createHeadroom, type CompressResult, type OpenAIMessage } from '@headroom/core/internal';
import type { CliCommand } from '../command.js';
import { asRequest, type InputShape } from '../compress/as-messages.js';
import { compressToolOutput } from '../compress/compress-tool-output.js';
import { summaryLine } from '../compress/summary-line.js';
import { cliStore } from '../cli-store.js';
import { ledgerPath, recordCompression } from '../../stats-ledger/index.js';
import { checkedModel, modelOption, queryOption } from '../model-option.js';
import { readInput } from '../read-input.js';
import { CliUsageError } from '../usage-error.js';
import { jsonOption } from '../json-option.js';

const shapes: readonly InputShape[] = ['auto', 'messages', 'tool-output'];

/** `headroom compress [file|-]`: compress one tool output or a messages file and print the result. */
export const compressCommand: CliCommand = {
  name: 'compress',
  arguments: '[file|-]',
  summary: 'compress a tool output or a messages JSON file and print the result',
  description: [
    'Compresses a tool output (JSON, logs, code, search results, diffs, HTML, tables, prose) or an',
    'OpenAI/Anthropic messages JSON file, and prints the result on stdout; the token summary goes to',
    'stderr first. Reads standard input when the file is "-" or missing. What was dropped is kept in',
    'the local store (~/.headroom/ccr, or $HEADROOM_HOME/ccr): get it back with "headroom retrieve KEY".',
  ].join('\n'),
  maxPositionals: 1,
  options: {
    model: modelOption,
    query: queryOption,
    input: {
      type: 'string',
      valueName: 'shape',
      description: 'auto (default), messages, or tool-output',
    },
    json: jsonOption('the whole result'),
    summary: { type: 'boolean', description: 'print only the summary and the retrieval keys' },
  },
  async run({ values, positionals }, io) {
    const path = 'headroom compress';
    const model = checkedModel(path, values.model);
    const shape = (values.input ?? 'auto') as InputShape;
    if (!shapes.includes(shape))
      throw new CliUsageError(path, `--input must be one of ${shapes.join(', ')}`);
    const query = typeof values.query === 'string' ? values.query : undefined;
    const source = positionals[0] ?? '-';
    const input = await readInput(source, io, path);
    const fileName = source === '-' ? undefined : basename(source);
    const request = asRequest(input, { shape, fileName, query });
    const headroom = createHeadroom({ store: await cliStore(io) });
    const started = performance.now();
    let output: string;
    let result: CompressResult<unknown>;
    let tokens: { before: number; after: number };
    if (request.shape === 'tool-output') {
      const compressed = await compressToolOutput(headroom, {
        text: request.text,
        model,
        query,
        fileName,
      });
      ({ output, result } = compressed);
      tokens = { before: compressed.tokensBefore, after: compressed.tokensAfter };
    } else {
      // The user handed over these messages to be compressed: nothing in them is "being edited".
      result = await headroom.compress(request.messages as OpenAIMessage[], {
        model,
        query,
        protectRecent: 0,
      });
      output = JSON.stringify(result.messages, null, 2);
      tokens = { before: result.tokensBefore, after: result.tokensAfter };
    }
    // Without --model the counts are gpt-4o's (the tokenizer default), so that is the model priced.
    const recorded = await recordCompression(
      { tokensBefore: tokens.before, tokensAfter: tokens.after, result },
      {
        source: 'cli',
        model: model ?? 'gpt-4o',
        ms: performance.now() - started,
        path: ledgerPath(io.env),
      },
    );
    if (!recorded.ok) io.stderr(`warning: could not record stats: ${String(recorded.error)}\n`);
    const summary = summaryLine(tokens, result.transforms);
    const keys =
      result.ccrKeys.length > 0
        ? `stored: ${result.ccrKeys.join(', ')} · get it back: headroom retrieve KEY [--query text]`
        : undefined;
    if (values.summary) {
      io.stdout(`${[summary, keys].filter(Boolean).join('\n')}\n`);
    } else if (values.json) {
      io.stdout(
        `${JSON.stringify({ ...result, tokensBefore: tokens.before, tokensAfter: tokens.after, tokensSaved: tokens.before - tokens.after }, null, 2)}\n`,
      );
    } else {
      io.stderr(`${[summary, keys].filter(Boolean).join('\n')}\n`);
      io.stdout(output.endsWith('\n') ? output : `${output}\n`);
    }
    return 0;
  },
};
