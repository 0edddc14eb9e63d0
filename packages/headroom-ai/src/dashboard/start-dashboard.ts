import { Hono } from 'hono';
import { listen } from '../server/listen.js';
import { mountDashboard, type DashboardRouteOptions } from './dashboard-routes.js';

/** Options of {@link startDashboard}. */
export interface StartDashboardOptions extends DashboardRouteOptions {
  /** Default 8788; 0 picks a free port. */
  port?: number;
  /** Default 127.0.0.1: the ledger says what your agents worked on, so it stays on loopback unless told otherwise. */
  host?: string;
}

/** A running dashboard server. */
export interface RunningDashboard {
  /** The page's address. */
  url: string;
  close(): Promise<void>;
}

/** Serves the dashboard alone on Node's HTTP server (`/` redirects to `/dashboard`). */
export async function startDashboard(options: StartDashboardOptions): Promise<RunningDashboard> {
  const app = mountDashboard(new Hono(), options);
  app.get('/', (c) => c.redirect('/dashboard'));
  const server = await listen(app, {
    port: options.port ?? 8788,
    host: options.host ?? '127.0.0.1',
  });
  return { url: `${server.origin}/dashboard`, close: server.close };
}
