import type { CliCommand } from '../command.js';
import { compressCommand } from './compress.js';
import { dashboardCommand } from './dashboard.js';
import { inspectCommand } from './inspect.js';
import { evalsCommand } from './evals.js';
import { learnCommand } from './learn.js';
import { mcpCommand } from './mcp.js';
import { proxyCommand } from './proxy.js';
import { retrieveCommand } from './retrieve.js';
import { statsCommand } from './stats.js';
import { wrapCommand } from './wrap.js';

/** The `headroom` command table: add a command by adding its file here, in help order. */
export const commands: readonly CliCommand[] = [
  compressCommand,
  retrieveCommand,
  inspectCommand,
  proxyCommand,
  wrapCommand,
  mcpCommand,
  statsCommand,
  dashboardCommand,
  learnCommand,
  evalsCommand,
];

/** The root of the tree `runCli` walks. */
export const headroomCli: CliCommand = {
  name: 'headroom',
  summary:
    'Compress what your agent sends to the LLM, reversibly (tool outputs, logs, code, search results).',
  subcommands: commands,
};
