import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every test file gets its own Headroom home, so no test reads or writes the user's ledger or CCR files.
process.env.HEADROOM_HOME = mkdtempSync(join(tmpdir(), 'headroom-home-'));
