import { parseArgs } from 'node:util';
import type { CliCommand } from '../command.js';
import { agents, isAgentName } from '../../wrap/agents.js';
import { runWrap } from '../../wrap/run-wrap.js';
import { ledgerPath } from '../../stats-ledger/index.js';
import { checkedPort } from '../port-option.js';
import { CliUsageError } from '../usage-error.js';

const path = 'headroom wrap';

/** Where `headroom wrap` looks for a running proxy to reuse when `HEADROOM_PROXY_URL` is not set. */
export const DEFAULT_PROXY_URL = 'http://127.0.0.1:8787';

/** `headroom wrap <agent> [--dry-run] [--port n] [-- agent args]`. */
export const wrapCommand: CliCommand = {
  name: 'wrap',
  arguments: '<agent> [-- agent args]',
  summary: 'run a coding agent with its API calls going through the proxy',
  description: [
    'Reuses the proxy at $HEADROOM_PROXY_URL (default http://127.0.0.1:8787) when one answers, else starts one',
    'on a free loopback port; runs the agent with its base-URL variable pointed at it (ANTHROPIC_BASE_URL for',
    'claude, OPENAI_BASE_URL for codex, OPENAI_API_BASE/ANTHROPIC_API_BASE for aider, …); forwards signals and',
    'the exit code, and stops the proxy it started. Arguments after -- go to the agent untouched.',
    'Options (before --): --dry-run prints the variables and the command; --port n starts the proxy on n.',
  ].join('\n'),
  passThrough: true,
  async run({ positionals }, io) {
    const split = positionals.indexOf('--');
    const own = split === -1 ? positionals : positionals.slice(0, split);
    const agentArgs = split === -1 ? [] : positionals.slice(split + 1);
    const parsed = parseWrapArgs(own);
    const [agent, ...extra] = parsed.positionals;
    if (!agent || !isAgentName(agent))
      throw new CliUsageError(
        path,
        `needs an agent: ${Object.keys(agents).join(', ')}${agent ? ` (not "${agent}")` : ''}`,
      );
    const port = checkedPort(path, parsed.values.port, 0);
    return runWrap({
      agent,
      args: [...extra, ...agentArgs],
      dryRun: parsed.values['dry-run'],
      env: io.env,
      proxyUrl: io.env.HEADROOM_PROXY_URL ?? DEFAULT_PROXY_URL,
      proxy: { port, ledgerPath: ledgerPath(io.env) },
      stdout: io.stdout,
      stderr: io.stderr,
    });
  },
};

function parseWrapArgs(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: { 'dry-run': { type: 'boolean' }, port: { type: 'string' } },
    });
  } catch (error) {
    throw new CliUsageError(path, (error as Error).message);
  }
}
