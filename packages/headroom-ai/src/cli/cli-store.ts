import { defaultStore, type CcrStore } from '@headroom/core';
import type { CliIo } from './command.js';

/** The store the CLI's commands share. */
export async function cliStore(_io: CliIo): Promise<CcrStore> {
  return defaultStore;
}
