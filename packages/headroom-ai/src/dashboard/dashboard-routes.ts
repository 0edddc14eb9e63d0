import type { Hono } from 'hono';
import { readLedger } from '../stats-ledger/read-ledger.js';
import { dashboardData, type RetrievalCounts } from './dashboard-data.js';
import { dashboardPage } from './dashboard-page.js';

/** Options of {@link mountDashboard}. */
export interface DashboardRouteOptions {
  /** The stats ledger to read on every refresh. */
  ledgerPath: string;
  /** Refresh period of the page, in ms. Default 2,000. */
  intervalMs?: number;
  /**
   * Live retrieval counters of the serving process (the proxy's), shown instead of those the ledger
   * records: retrieval rounds happen after a request's ledger line is written.
   */
  retrieval?: () => RetrievalCounts;
}

/**
 * Adds `GET /dashboard` (the page) and `GET /dashboard/data.json` (its numbers, read from the ledger on
 * each request) to a Hono app: `headroom dashboard` serves them alone, `headroom proxy` beside its API.
 */
export function mountDashboard(
  app: Hono,
  { ledgerPath, intervalMs, retrieval }: DashboardRouteOptions,
): Hono {
  let page: string | undefined;
  app.get('/dashboard', (c) => {
    page ??= dashboardPage({ intervalMs });
    return c.html(page, 200, { 'cache-control': 'no-store' });
  });
  app.get('/dashboard/data.json', async (c) => {
    let skippedLines = 0;
    const records = await readLedger({ path: ledgerPath, onWarning: () => (skippedLines += 1) });
    return c.json(
      dashboardData(records, {
        now: new Date(),
        skippedLines,
        ...(retrieval ? { retrieval: retrieval() } : {}),
      }),
      200,
      { 'cache-control': 'no-store' },
    );
  });
  return app;
}
