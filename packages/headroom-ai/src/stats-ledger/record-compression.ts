import type { CompressResult } from '@headroom/core/internal';
import { appendLedger } from './append-ledger.js';
import { ledgerRecord, type LedgerSource } from './ledger-record.js';

/** A compression whose token counts are of the text handed over, not of the messages wrapped around it. */
export interface CountedCompression {
  tokensBefore: number;
  tokensAfter: number;
  result: Pick<CompressResult<unknown>, 'transforms' | 'ccrKeys'>;
}

/**
 * Appends the ledger line for one compression asked for by hand (`headroom compress`, the MCP server's
 * `headroom_compress`). Never throws, as {@link appendLedger}: the failure is returned for the caller to report.
 */
export function recordCompression(
  { tokensBefore, tokensAfter, result }: CountedCompression,
  { path, ...about }: { source: LedgerSource; model?: string; ms?: number; path?: string },
): ReturnType<typeof appendLedger> {
  const outcome = {
    tokensBefore,
    tokensAfter,
    transforms: result.transforms,
    ccrKeys: result.ccrKeys,
  };
  return appendLedger(ledgerRecord(outcome, about), path === undefined ? {} : { path });
}
