import { join } from 'node:path';

/** MCP clients whose config `headroom mcp install` knows. */
export const MCP_CLIENTS = ['claude-desktop', 'claude-code', 'cursor'] as const;
export type McpClient = (typeof MCP_CLIENTS)[number];

/** Where the config lives, per the clients' docs; all three keep servers under a top-level `mcpServers`. */
export function mcpConfigPath(
  client: McpClient,
  {
    home,
    platform = process.platform,
    env = process.env,
  }: {
    home: string;
    platform?: NodeJS.Platform;
    env?: Readonly<Record<string, string | undefined>>;
  },
): string {
  switch (client) {
    case 'claude-desktop':
      if (platform === 'darwin')
        return join(home, 'Library', 'Application Support', 'Claude', 'claude_desktop_config.json');
      if (platform === 'win32')
        return join(
          env.APPDATA ?? join(home, 'AppData', 'Roaming'),
          'Claude',
          'claude_desktop_config.json',
        );
      return join(
        env.XDG_CONFIG_HOME ?? join(home, '.config'),
        'Claude',
        'claude_desktop_config.json',
      );
    case 'claude-code':
      // User scope: what `claude mcp add --scope user` writes.
      return join(home, '.claude.json');
    case 'cursor':
      return join(home, '.cursor', 'mcp.json');
  }
}
