import { HeadroomError } from '@headroom/core/internal';

/** How an MCP client starts a stdio server. */
export interface McpServerEntry {
  type?: 'stdio';
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** The name Headroom's entry has under `mcpServers`. */
export const SERVER_NAME = 'headroom';

type Config = Record<string, unknown> & { mcpServers?: Record<string, unknown> };

/** Parses a client config; an empty file is an empty config, anything but a JSON object is refused. */
export function parseMcpConfig(text: string, path: string): Config {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new HeadroomError({
      code: 'config_error',
      message: `${path} is not valid JSON; fix or move it, then run again`,
      cause,
    });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HeadroomError({
      code: 'config_error',
      message: `${path} does not hold a JSON object`,
    });
  }
  const servers = (value as Config).mcpServers;
  if (
    servers !== undefined &&
    (typeof servers !== 'object' || servers === null || Array.isArray(servers))
  ) {
    throw new HeadroomError({
      code: 'config_error',
      message: `${path}: "mcpServers" is not an object`,
    });
  }
  return value as Config;
}

/** The config with Headroom's entry set (other keys and servers untouched, in their order). */
export function withServer(config: Config, entry: McpServerEntry): Config {
  return { ...config, mcpServers: { ...(config.mcpServers ?? {}), [SERVER_NAME]: entry } };
}

/** The config without Headroom's entry. */
export function withoutServer(config: Config): Config {
  if (!config.mcpServers || !(SERVER_NAME in config.mcpServers)) return config;
  const { [SERVER_NAME]: _removed, ...rest } = config.mcpServers;
  return { ...config, mcpServers: rest };
}

/** The file text as written: two-space JSON with a final newline, as the clients write it. */
export function formatMcpConfig(config: Config): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}
