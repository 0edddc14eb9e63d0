import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ledgerPath } from './ledger-path.js';
import type { LedgerRecord } from './ledger-record.js';

/**
 * Appends one record to the ledger. The line goes out in one `O_APPEND` write, so lines from concurrent
 * processes (CLI, proxy, MCP server) land whole, one after another. Never throws: stats must not break a
 * compression; the failure is returned for the caller to report.
 */
export async function appendLedger(
  record: LedgerRecord,
  { path = ledgerPath() }: { path?: string } = {},
): Promise<{ ok: true } | { ok: false; error: unknown }> {
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await appendFile(path, `${JSON.stringify(record)}\n`, { mode: 0o600 });
    return { ok: true };
  } catch (error) {
    return { ok: false, error };
  }
}
