import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ledgerPath } from './ledger-path.js';
import { parseLedgerRecord, type LedgerRecord } from './ledger-record.js';

/** Lines longer than this are not ledger records (ours are a few hundred bytes). */
const MAX_LINE_CHARS = 64 * 1024;

/** Options of {@link readLedger}. */
export interface ReadLedgerOptions {
  path?: string;
  /** Only records at or after this time. */
  since?: Date;
  /** Told about each line skipped because it is not a record (a torn write, a hand edit). */
  onWarning?: (message: string) => void;
}

/** Reads the ledger line by line; a missing ledger is an empty one, and damaged lines are skipped. */
export async function readLedger({
  path = ledgerPath(),
  since,
  onWarning,
}: ReadLedgerOptions = {}): Promise<LedgerRecord[]> {
  const records: LedgerRecord[] = [];
  const input = createReadStream(path, { encoding: 'utf8' });
  const opened = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
    input.once('error', resolve);
    input.once('open', () => resolve(undefined));
  });
  if (opened?.code === 'ENOENT') return records;
  if (opened) throw opened;
  let lineNumber = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    lineNumber += 1;
    if (line.trim() === '') continue;
    const record = line.length > MAX_LINE_CHARS ? undefined : parseLedgerRecord(parseJson(line));
    if (!record) {
      onWarning?.(`${path}:${lineNumber}: skipped a line that is not a stats record`);
      continue;
    }
    if (since && Date.parse(record.ts) < since.getTime()) continue;
    records.push(record);
  }
  return records;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
