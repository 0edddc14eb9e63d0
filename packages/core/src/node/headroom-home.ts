import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Environment variable that overrides where Headroom keeps its files. */
export const HEADROOM_HOME_ENV = 'HEADROOM_HOME';

/**
 * Directory for Headroom's per-user files (CCR originals, the stats ledger): `$HEADROOM_HOME` when set,
 * else `~/.headroom` — the path the Python Headroom uses, so both read one ledger.
 */
export function headroomHome(env: Record<string, string | undefined> = process.env): string {
  const override = env[HEADROOM_HOME_ENV]?.trim();
  return override ? resolve(override) : join(homedir(), '.headroom');
}
