import { join } from 'node:path';
import { headroomHome } from '@headroom/core/node';

/** The stats ledger: `<headroomHome()>/stats.jsonl`, one JSON line per compression. */
export function ledgerPath(env: Record<string, string | undefined> = process.env): string {
  return join(headroomHome(env), 'stats.jsonl');
}
