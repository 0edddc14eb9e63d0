import { join } from 'node:path';
import type { CcrStore } from '@headroom/core';
import { FileCcrStore, headroomHome } from '@headroom/core/node';
import type { CliIo } from './command.js';

/**
 * The store the CLI's commands share: files under `<headroomHome>/ccr`, so `headroom retrieve` (and the
 * MCP server) find what an earlier `headroom compress` process kept.
 */
export async function cliStore(io: CliIo): Promise<CcrStore> {
  return new FileCcrStore({ dir: join(headroomHome(io.env), 'ccr') });
}
