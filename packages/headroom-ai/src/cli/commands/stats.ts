import { HeadroomError } from '@headroom/core/internal';
import type { CliCommand } from '../command.js';
import { CliUsageError } from '../usage-error.js';
import {
  formatSummary,
  ledgerPath,
  parseSince,
  readLedger,
  summarizeLedger,
} from '../../stats-ledger/index.js';
import { jsonOption } from '../json-option.js';

/** `headroom stats`: totals and tables from the stats ledger, as text or JSON. */
export const statsCommand: CliCommand = {
  name: 'stats',
  summary: 'show tokens and cost saved by every recorded compression (CLI, proxy, MCP)',
  description: [
    'Reads the stats ledger ($HEADROOM_HOME/stats.jsonl, default ~/.headroom/stats.jsonl), one line per',
    'compression by the CLI, the proxy and the MCP server, and prints tokens before/after/saved, the ratio,',
    'an estimated input cost saved at list prices, and tables per content type, compressor, model and source.',
    'A damaged line is skipped with a warning on stderr.',
  ].join('\n'),
  options: {
    since: {
      type: 'string',
      valueName: 'span',
      description: 'only the last 30m, 24h, 7d, 2w…, or since a date (2026-11-01)',
    },
    json: jsonOption('the summary'),
  },
  async run({ values }, io) {
    const since = typeof values.since === 'string' ? sinceOption(values.since) : undefined;
    const warnings: string[] = [];
    const records = await readLedger({
      path: ledgerPath(io.env),
      since,
      onWarning: (m) => warnings.push(m),
    });
    for (const warning of warnings) io.stderr(`warning: ${warning}\n`);
    const summary = summarizeLedger(records, { since });
    io.stdout(`${values.json ? JSON.stringify(summary, null, 2) : formatSummary(summary)}\n`);
    return 0;
  },
};

function sinceOption(value: string): Date {
  try {
    return parseSince(value);
  } catch (error) {
    throw HeadroomError.isInstance(error)
      ? new CliUsageError('headroom stats', error.message)
      : error;
  }
}
