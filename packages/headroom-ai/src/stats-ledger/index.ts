export { appendLedger } from './append-ledger.js';
export { formatSummary } from './format-summary.js';
export { ledgerPath } from './ledger-path.js';
export {
  ledgerRecord,
  parseLedgerRecord,
  type CompressionOutcome,
  type LedgerPart,
  type LedgerRecord,
  type LedgerSource,
} from './ledger-record.js';
export { parseSince } from './parse-since.js';
export { INPUT_PRICES_PER_MILLION, inputPricePerMillion } from './prices.js';
export { recordCompression, type CountedCompression } from './record-compression.js';
export { readLedger, type ReadLedgerOptions } from './read-ledger.js';
export { summarizeLedger, type LedgerRow, type LedgerSummary } from './summarize-ledger.js';
