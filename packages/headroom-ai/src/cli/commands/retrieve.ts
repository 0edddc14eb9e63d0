import { createHeadroom, HeadroomError, type RetrieveResult } from '@headroom/core/internal';
import type { CliCommand } from '../command.js';
import { cliStore } from '../cli-store.js';
import { CliUsageError } from '../usage-error.js';
import { jsonOption } from '../json-option.js';

const path = 'headroom retrieve';
/** A bare key, or the whole `<<ccr:KEY …>>` marker pasted from the output. */
const keyPattern = /^(?:<<ccr:)?([0-9a-f]{8,64})(?:[\s,>].*)?$/s;

/** `headroom retrieve KEY [--query text [--offset n]]`: what `headroom compress` dropped, from the local store. */
export const retrieveCommand: CliCommand = {
  name: 'retrieve',
  arguments: '<key>',
  summary: 'print an original that compress stored, or only the parts matching --query',
  description: [
    'Prints the original that "headroom compress" stored under KEY (the key in a <<ccr:KEY …>> marker) from',
    'the local store (~/.headroom/ccr, or $HEADROOM_HOME/ccr). With --query, prints only the parts that match',
    'it, in their original order, the best 50 at a time; stderr says how many matched and the --offset of the',
    'next 50.',
  ].join('\n'),
  maxPositionals: 1,
  options: {
    query: {
      type: 'string',
      valueName: 'text',
      description: 'print only the items, lines or sentences matching this',
    },
    offset: {
      type: 'string',
      valueName: 'n',
      description:
        'with --query, skip the n best matches (the next page); without, start at character n',
    },
    json: jsonOption('the result (content, kind, matched, total)'),
  },
  async run({ values, positionals }, io) {
    const given = positionals[0];
    if (given === undefined)
      throw new CliUsageError(path, 'missing key (the KEY in a <<ccr:KEY …>> marker)');
    const key = keyPattern.exec(given.trim())?.[1];
    if (!key) throw new CliUsageError(path, `"${given}" is not a key (hex, as in <<ccr:KEY …>>)`);
    const query = typeof values.query === 'string' ? values.query : undefined;
    const offset = parseOffset(values.offset);
    const store = await cliStore(io);
    // Through an instance, so a query splits the original by the units of the compressor that stored it.
    const result = await createHeadroom({ store })
      .retrieve(key, { query, offset })
      .catch((error: unknown) => {
        if (!HeadroomError.isInstance(error)) throw error;
        if (error.code === 'not_found')
          throw new Error(`no stored original for ${key} (never stored here, or expired)`);
        throw error.code === 'invalid_input' ? new CliUsageError(path, error.message) : error;
      });
    if (values.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    if (result.matched !== undefined) io.stderr(`${matchSummary(result, query)}\n`);
    io.stdout(result.content.endsWith('\n') ? result.content : `${result.content}\n`);
    return 0;
  },
};

function parseOffset(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(Number(value)))
    throw new CliUsageError(path, `--offset must be a whole number of at least 0, not "${value}"`);
  return Number(value);
}

/** How many parts matched, which of them follow, and the --offset of the next page. */
function matchSummary(result: RetrieveResult, query: string | undefined): string {
  if (result.matched === 0) return `nothing matched "${query}": the whole original follows`;
  const counts = `${result.matched} of ${result.total} parts match "${query}"`;
  if (result.offset === 0 && result.next === undefined) return counts;
  const shown = `matches ${result.offset + 1}–${result.offset + result.shown} follow`;
  const next = result.next === undefined ? 'the last of them' : `next: --offset ${result.next}`;
  return `${counts}; ${shown} (${next})`;
}
