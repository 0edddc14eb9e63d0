#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { runCompress } from './compress-command.js';
import { runProxyCommand } from './proxy-command.js';
import { runWrapCommand } from './wrap-command.js';

const usage = `Usage: headroom <command> [options]

Commands:
  compress [file|-]   Compress a tool output or a messages JSON file and print the result
                      --model <id>    tokenizer / target model (default gpt-4o)
                      --query <text>  what the user asked (steers what is kept)
                      --json          print the full result as JSON
  proxy               OpenAI- and Anthropic-compatible proxy that compresses requests
                      --port <n>      default 8787     --host <h>   default 127.0.0.1
                      --upstream-openai <url>  --upstream-anthropic <url>
                      --store memory  --quiet (no request log)
  wrap <agent> [-- args]  run claude, codex, aider, cursor or copilot through the proxy
                      --dry-run       print the variables it would set   --port <n>
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
  if (command === 'proxy') {
    const { values } = parseArgs({
      args: rest,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'upstream-openai': { type: 'string' },
        'upstream-anthropic': { type: 'string' },
        store: { type: 'string' },
        quiet: { type: 'boolean' },
      },
    });
    const proxy = await runProxyCommand(
      { port: values.port, host: values.host, upstreamOpenai: values['upstream-openai'], upstreamAnthropic: values['upstream-anthropic'], store: values.store, quiet: values.quiet },
      (text) => process.stderr.write(text),
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await proxy.close();
    return 0;
  }
  if (command === 'wrap') return runWrapCommand(rest, process.env);
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
