import { spawn } from 'node:child_process';
import type { CliCommand } from '../command.js';
import { checkedPort } from '../port-option.js';
import { startDashboard } from '../../dashboard/start-dashboard.js';
import { ledgerPath } from '../../stats-ledger/index.js';

/** Opens `url` in the desktop's browser; failing to (a server, no display) only means the user opens it. */
function openBrowser(url: string): void {
  const [command, ...args] =
    process.platform === 'darwin'
      ? ['open', url]
      : process.platform === 'win32'
        ? ['cmd', '/c', 'start', '', url]
        : ['xdg-open', url];
  const child = spawn(command!, args, { stdio: 'ignore', detached: true });
  child.on('error', () => undefined);
  child.unref();
}

/** `headroom dashboard`: the savings dashboard, served from the stats ledger until interrupted. */
export const dashboardCommand: CliCommand = {
  name: 'dashboard',
  summary: 'serve a live dashboard of tokens and cost saved, read from the stats ledger',
  description: [
    'Serves a page with savings today, over 7 days and all time (tokens, and cost at list input prices),',
    'tokens per hour before and after, tables by model, content kind and compressor, retrieval rounds and',
    'CCR hit rate, and the last requests. It reads $HEADROOM_HOME/stats.jsonl on every refresh, so it',
    'follows the CLI, the proxy and the MCP server live. `headroom proxy` serves the same page at /dashboard.',
  ].join('\n'),
  options: {
    port: {
      type: 'string',
      valueName: 'n',
      description: 'port to listen on (default 8788; 0 picks a free one)',
    },
    host: {
      type: 'string',
      valueName: 'address',
      description: 'address to listen on (default 127.0.0.1)',
    },
    'no-open': { type: 'boolean', description: 'do not open a browser' },
  },
  async run({ values }, io) {
    const dashboard = await startDashboard({
      port: checkedPort('headroom dashboard', values.port, 8788),
      ...(typeof values.host === 'string' ? { host: values.host } : {}),
      ledgerPath: ledgerPath(io.env),
    });
    io.stdout(`Headroom dashboard: ${dashboard.url} (Ctrl+C to stop)\n`);
    if (!values['no-open']) openBrowser(dashboard.url);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await dashboard.close();
    return 0;
  },
};
