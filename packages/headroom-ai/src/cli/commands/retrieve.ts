import { createHeadroom, HeadroomError } from '@headroom/core/internal';
import type { CliCommand } from '../command.js';
import { cliStore } from '../cli-store.js';
import { CliUsageError } from '../usage-error.js';

const path = 'headroom retrieve';
/** A bare key, or the whole `<<ccr:KEY …>>` marker pasted from the output. */
const keyPattern = /^(?:<<ccr:)?([0-9a-f]{8,64})(?:[\s,>].*)?$/s;

/** `headroom retrieve KEY [--query text]`: what `headroom compress` dropped, from the local store. */
export const retrieveCommand: CliCommand = {
  name: 'retrieve',
  arguments: '<key>',
  summary: 'print an original that compress stored, or only the parts matching --query',
  description: [
    'Prints the original that "headroom compress" stored under KEY (the key in a <<ccr:KEY …>> marker) from',
    'the local store (~/.headroom/ccr, or $HEADROOM_HOME/ccr). With --query, prints only the parts that match',
    'it, in their original order; stderr says how many matched.',
  ].join('\n'),
  maxPositionals: 1,
  options: {
    query: {
      type: 'string',
      valueName: 'text',
      description: 'print only the items, lines or sentences matching this',
    },
    json: {
      type: 'boolean',
      description: 'print the result (content, kind, matched, total) as JSON',
    },
  },
  async run({ values, positionals }, io) {
    const given = positionals[0];
    if (given === undefined)
      throw new CliUsageError(path, 'missing key (the KEY in a <<ccr:KEY …>> marker)');
    const key = keyPattern.exec(given.trim())?.[1];
    if (!key) throw new CliUsageError(path, `"${given}" is not a key (hex, as in <<ccr:KEY …>>)`);
    const query = typeof values.query === 'string' ? values.query : undefined;
    const store = await cliStore(io);
    // Through an instance, so a query splits the original by the units of the compressor that stored it.
    const result = await createHeadroom({ store })
      .retrieve(key, { query })
      .catch((error: unknown) => {
        throw HeadroomError.isInstance(error) && error.code === 'not_found'
          ? new Error(`no stored original for ${key} (never stored here, or expired)`)
          : error;
      });
    if (values.json) {
      io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      return 0;
    }
    if (result.matched !== undefined) {
      io.stderr(
        result.matched === 0
          ? `nothing matched "${query}": the whole original follows\n`
          : `${result.matched} of ${result.total} parts match "${query}"\n`,
      );
    }
    io.stdout(result.content.endsWith('\n') ? result.content : `${result.content}\n`);
    return 0;
  },
};
