#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { runCompress } from './compress-command.js';
import { runStats } from './stats-command.js';

const usage = `Usage: headroom <command> [options]

Commands:
  compress [file|-]   Compress a tool output or a messages JSON file and print the result
                      --model <id>    tokenizer / target model (default gpt-4o)
                      --query <text>  what the user asked (steers what is kept)
                      --json          print the full result as JSON
  stats               Show tokens saved by every compression recorded in the ledger
                      ($HEADROOM_HOME/stats.jsonl, default ~/.headroom/stats.jsonl)
                      --since <span>  only the last 30m, 24h, 7d, 2w… or since a date
                      --json          print the summary as JSON
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'compress') {
    const { values, positionals } = parseArgs({
      args: rest,
      allowPositionals: true,
      options: { model: { type: 'string' }, query: { type: 'string' }, json: { type: 'boolean' } },
    });
    const out = await runCompress({ source: positionals[0] ?? '-', model: values.model, query: values.query, json: values.json });
    process.stdout.write(out.stdout + '\n');
    if (out.stderr) process.stderr.write(out.stderr + '\n');
    return 0;
  }
  if (command === 'stats') {
    const { values } = parseArgs({ args: rest, options: { since: { type: 'string' }, json: { type: 'boolean' } } });
    const out = await runStats({ since: values.since, json: values.json });
    process.stdout.write(out.stdout + '\n');
    if (out.stderr) process.stderr.write(out.stderr + '\n');
    return 0;
  }
  process.stderr.write(usage);
  return command === undefined || command === '--help' || command === 'help' ? 0 : 2;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`headroom: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
