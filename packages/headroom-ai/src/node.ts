// Node-only entry (`headroom-ai/node`): the file CCR store, the config dir, the stats ledger, the dashboard and inspect reports.
export {
  FileCcrStore,
  HEADROOM_HOME_ENV,
  headroomHome,
  type FileCcrStoreOptions,
} from '@headroom/core/node';
export {
  appendLedger,
  formatSummary,
  INPUT_PRICES_PER_MILLION,
  inputPricePerMillion,
  ledgerPath,
  ledgerRecord,
  parseLedgerRecord,
  parseSince,
  readLedger,
  summarizeLedger,
  type CompressionOutcome,
  type LedgerPart,
  type LedgerRecord,
  type LedgerRow,
  type LedgerSource,
  type LedgerSummary,
  type ReadLedgerOptions,
} from './stats-ledger/index.js';
export {
  dashboardData,
  mountDashboard,
  startDashboard,
  type DashboardData,
  type DashboardRouteOptions,
  type RunningDashboard,
  type StartDashboardOptions,
} from './dashboard/index.js';
export {
  inspectReport,
  reportHtml,
  type InspectMarker,
  type InspectReport,
  type InspectSegment,
} from './inspect/index.js';
