import { homedir } from 'node:os';
import { RedisCcrStore } from '@headroom/ccr-redis';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import type { CliCommand, CliIo } from '../command.js';
import { cliStore } from '../cli-store.js';
import { checkedModel, modelOption } from '../model-option.js';
import { CliUsageError } from '../usage-error.js';
import { createHeadroomMcpServer } from '../../mcp/headroom-mcp-server.js';
import { MCP_CLIENTS, mcpConfigPath, type McpClient } from '../../mcp/install/mcp-clients.js';
import { serverEntry } from '../../mcp/install/server-entry.js';
import { updateMcpConfig } from '../../mcp/install/update-mcp-config.js';
import { ledgerPath } from '../../stats-ledger/index.js';
import { lineDiff } from '../../text/line-diff.js';

const serve: CliCommand = {
  name: 'serve',
  summary:
    'run the MCP server on stdio (tools headroom_compress, headroom_retrieve, headroom_stats)',
  description: [
    'Runs a stdio MCP server. headroom_compress keeps originals in the local store ($HEADROOM_HOME/ccr,',
    'default ~/.headroom/ccr), so headroom_retrieve and "headroom retrieve" find them later, and records',
    'each compression in the stats ledger. With $HEADROOM_REDIS_URL set, originals go to that Redis instead',
    '(namespace $HEADROOM_NAMESPACE, default "default"). Logs go to stderr; stdout carries the protocol only.',
  ].join('\n'),
  options: { model: modelOption },
  async run({ values }, io) {
    const model = checkedModel('headroom mcp serve', values.model);
    const redisUrl = io.env.HEADROOM_REDIS_URL;
    const redis = redisUrl
      ? new RedisCcrStore({ url: redisUrl, namespace: io.env.HEADROOM_NAMESPACE || 'default' })
      : undefined;
    const server = createHeadroomMcpServer({
      store: redis ?? (await cliStore(io)),
      ledgerPath: ledgerPath(io.env),
      ...(model ? { model } : {}),
      onWarning: (message) => io.stderr(`headroom mcp: ${message}\n`),
    });
    const transport = new StdioServerTransport();
    const closed = new Promise<void>((resolve) => {
      transport.onclose = resolve;
      process.stdin.once('end', resolve);
    });
    await server.connect(transport);
    await closed;
    await server.close();
    await redis?.close();
    return 0;
  },
};

function clientOf(path: string, value: string | boolean | undefined): McpClient {
  const client = (value ?? 'claude-code') as McpClient;
  if (!MCP_CLIENTS.includes(client))
    throw new CliUsageError(path, `--client must be one of ${MCP_CLIENTS.join(', ')}`);
  return client;
}

const configOptions = {
  client: {
    type: 'string',
    valueName: 'name',
    description: `${MCP_CLIENTS.join(', ')} (default claude-code)`,
  },
  'dry-run': { type: 'boolean', description: 'print the change as a diff and write nothing' },
} as const;

async function changeConfig(
  install: boolean,
  values: Record<string, string | boolean | undefined>,
  io: CliIo,
): Promise<number> {
  const path = `headroom mcp ${install ? 'install' : 'uninstall'}`;
  const client = clientOf(path, values.client);
  const file = mcpConfigPath(client, { home: io.env.HOME || homedir(), env: io.env });
  const change = await updateMcpConfig(file, install ? serverEntry(io.env) : undefined, {
    dryRun: values['dry-run'] === true,
  });
  if (change.status === 'unchanged') {
    io.stdout(
      `${file}: ${install ? 'the headroom server is already installed' : 'no headroom server to remove'}; nothing changed.\n`,
    );
  } else if (change.status === 'would-write') {
    io.stdout(`${file} (dry run, nothing written):\n${lineDiff(change.before, change.after)}`);
  } else {
    const backup = change.backup ? ` (previous file kept as ${change.backup})` : '';
    io.stdout(
      `${install ? 'Installed the headroom MCP server in' : 'Removed the headroom MCP server from'} ${file}${backup}. Restart ${client} to apply.\n`,
    );
  }
  return 0;
}

/** `headroom mcp serve|install|uninstall`. */
export const mcpCommand: CliCommand = {
  name: 'mcp',
  summary: 'run the MCP server, or add it to / remove it from an MCP client',
  subcommands: [
    serve,
    {
      name: 'install',
      summary:
        "add the headroom server to an MCP client's config (idempotent, keeps other servers, backs up)",
      options: configOptions,
      run: ({ values }, io) => changeConfig(true, values, io),
    },
    {
      name: 'uninstall',
      summary: "remove the headroom server from an MCP client's config",
      options: configOptions,
      run: ({ values }, io) => changeConfig(false, values, io),
    },
  ],
};
