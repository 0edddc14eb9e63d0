export {
  dashboardData,
  type DashboardData,
  type PeriodTotals,
  type RecentRequest,
  type SeriesPoint,
} from './dashboard-data.js';
export { dashboardPage, type DashboardPageOptions } from './dashboard-page.js';
export { mountDashboard, type DashboardRouteOptions } from './dashboard-routes.js';
export {
  startDashboard,
  type RunningDashboard,
  type StartDashboardOptions,
} from './start-dashboard.js';
