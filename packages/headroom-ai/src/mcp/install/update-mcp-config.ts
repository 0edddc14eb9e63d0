import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import {
  formatMcpConfig,
  parseMcpConfig,
  withoutServer,
  withServer,
  type McpServerEntry,
} from './edit-mcp-config.js';

/** What {@link updateMcpConfig} did or, in a dry run, would do. */
export interface McpConfigChange {
  path: string;
  /** `unchanged`: the file already said this, nothing was written. */
  status: 'written' | 'unchanged' | 'would-write';
  /** The previous file, copied aside before writing. */
  backup?: string;
  before: string;
  after: string;
}

/**
 * Adds (`entry` given) or removes (`entry` undefined) Headroom's server in a client's MCP config. Writes only
 * when something changes, so running it twice is a no-op; copies the old file to `<file>.headroom-backup`
 * first; writes to a temporary file and renames it so the client never reads half a config.
 */
export async function updateMcpConfig(
  path: string,
  entry: McpServerEntry | undefined,
  { dryRun = false }: { dryRun?: boolean } = {},
): Promise<McpConfigChange> {
  const before = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  const config = parseMcpConfig(before, path);
  const next = entry ? withServer(config, entry) : withoutServer(config);
  const same = JSON.stringify(next) === JSON.stringify(config) && (before !== '' || !entry);
  if (same) return { path, status: 'unchanged', before, after: before };
  const after = formatMcpConfig(next);
  if (dryRun) return { path, status: 'would-write', before, after };
  await mkdir(dirname(path), { recursive: true });
  let backup: string | undefined;
  let mode = 0o600;
  if (before !== '') {
    backup = `${path}.headroom-backup`;
    await copyFile(path, backup);
    mode = (await stat(path)).mode & 0o777;
  }
  const temp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, after, { mode });
  await rename(temp, path);
  return { path, status: 'written', ...(backup ? { backup } : {}), before, after };
}
