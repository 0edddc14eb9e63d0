import { parseArgs } from 'node:util';
import { agents, isAgentName } from '../wrap/agents.js';
import { runWrap } from '../wrap/run-wrap.js';

/** Where `headroom wrap` looks for a proxy to reuse when `HEADROOM_PROXY_URL` is not set. */
export const DEFAULT_PROXY_URL = 'http://127.0.0.1:8787';

/**
 * `headroom wrap <agent> [--dry-run] [--port N] [-- agent args]`. Everything after `--` goes to the agent
 * untouched; a proxy at `HEADROOM_PROXY_URL` (default {@link DEFAULT_PROXY_URL}) is reused when it answers.
 */
export async function runWrapCommand(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): Promise<number> {
  const split = argv.indexOf('--');
  const own = split === -1 ? [...argv] : argv.slice(0, split);
  const agentArgs = split === -1 ? [] : argv.slice(split + 1);
  const { values, positionals } = parseArgs({ args: own, allowPositionals: true, options: { 'dry-run': { type: 'boolean' }, port: { type: 'string' } } });
  const [agent, ...extra] = positionals;
  if (!agent || !isAgentName(agent)) throw new Error(`wrap needs an agent: ${Object.keys(agents).join(', ')}${agent ? ` (not "${agent}")` : ''}`);
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`--port must be a port number, not "${values.port}"`);
  return runWrap({
    agent,
    args: [...extra, ...agentArgs],
    dryRun: values['dry-run'],
    env,
    proxyUrl: env.HEADROOM_PROXY_URL ?? DEFAULT_PROXY_URL,
    proxy: { port },
  });
}
