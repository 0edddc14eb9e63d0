import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { McpServerEntry } from './edit-mcp-config.js';

/**
 * How a client should start this very CLI's MCP server: absolute paths of Node and of `headroom`, since
 * desktop clients start servers without the user's shell PATH. A custom HEADROOM_HOME is carried over so
 * the server and the user's CLI share one store and one ledger.
 */
export function serverEntry(env: Readonly<Record<string, string | undefined>>): McpServerEntry {
  const main = fileURLToPath(new URL('../../cli/main.js', import.meta.url));
  let script = main;
  try {
    script = realpathSync(main);
  } catch {
    // Not built (running from sources): the path is still where the built file will be.
  }
  return {
    command: process.execPath,
    args: [script, 'mcp', 'serve'],
    ...(env.HEADROOM_HOME ? { env: { HEADROOM_HOME: env.HEADROOM_HOME } } : {}),
  };
}
