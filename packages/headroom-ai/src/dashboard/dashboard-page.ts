import { dashboardClient } from './dashboard-client.js';
import { htmlDocument, uplotAssets } from './page-assets.js';

/** Options of {@link dashboardPage}. */
export interface DashboardPageOptions {
  /** Where the page fetches its numbers. Default `/dashboard/data.json`. */
  dataUrl?: string;
  /** Refresh period in milliseconds. Default 2,000. */
  intervalMs?: number;
}

const period = (id: string, title: string): string => `
  <section class="card" aria-labelledby="${id}-title">
    <h2 id="${id}-title">${title}</h2>
    <div class="big"><span id="${id}-saved">0</span> tokens saved</div>
    <div>≈ <span id="${id}-cost">$0.00</span> input cost saved</div>
    <div class="meta" id="${id}-detail"></div>
  </section>`;

const breakdown = (id: string, title: string): string => `
  <section aria-labelledby="${id}-title">
    <h2 id="${id}-title">${title}</h2>
    <div class="scroll"><table>
      <thead><tr><th scope="col">Name</th><th scope="col" class="num">Tokens saved</th><th scope="col" class="num">Saved</th><th scope="col">Share</th></tr></thead>
      <tbody id="${id}"></tbody>
    </table></div>
  </section>`;

/**
 * The dashboard page: one self-contained HTML document (styles, uPlot and the page script inlined),
 * which polls the stats endpoint and redraws. Works offline; the numbers come from the server.
 */
export function dashboardPage({
  dataUrl = '/dashboard/data.json',
  intervalMs = 2000,
}: DashboardPageOptions = {}): string {
  const uplot = uplotAssets();
  const start = `(${dashboardClient.toString()})(window.uPlot, ${JSON.stringify(dataUrl)}, ${intervalMs});`;
  return htmlDocument({
    title: 'Headroom dashboard',
    style: uplot.style,
    body: `<main>
  <h1>Headroom dashboard</h1>
  <p class="meta" id="updated" aria-live="polite">Loading…</p>
  <p class="notice error" id="error" role="alert" hidden></p>
  <p class="notice" id="skipped" hidden></p>
  <section id="empty" class="notice" hidden>
    <h2>No compressions recorded yet</h2>
    <p>Savings appear here as soon as something is compressed: run <code>headroom compress FILE</code>,
    send requests through <code>headroom proxy</code>, or use the MCP server. They are read from the stats ledger
    (<code>$HEADROOM_HOME/stats.jsonl</code>).</p>
  </section>
  <div id="content" hidden>
    <div class="cards">${period('today', 'Today')}${period('week', 'Last 7 days')}${period('all', 'All time')}</div>
    <section aria-labelledby="series-title">
      <h2 id="series-title">Tokens per hour, last 7 days: before and after compression</h2>
      <div id="series" role="img" aria-label="Line chart of tokens before and after compression per hour"></div>
    </section>
    <div class="grid2">${breakdown('by-model', 'By model')}${breakdown('by-kind', 'By content kind')}${breakdown('by-compressor', 'By compressor')}
      <section aria-labelledby="retrieval-title">
        <h2 id="retrieval-title">Retrieval</h2>
        <table><tbody>
          <tr><th scope="row">headroom_retrieve rounds</th><td class="num" id="retrieval-rounds">0</td></tr>
          <tr><th scope="row">CCR hits / lookups</th><td class="num" id="retrieval-hits">0</td></tr>
          <tr><th scope="row">CCR hit rate</th><td class="num" id="retrieval-rate">—</td></tr>
        </tbody></table>
      </section>
    </div>
    <section aria-labelledby="recent-title">
      <h2 id="recent-title">Last requests</h2>
      <div class="scroll"><table>
        <thead><tr><th scope="col">Time</th><th scope="col">Source</th><th scope="col">Model</th><th scope="col">Content</th><th scope="col" class="num">Before</th><th scope="col" class="num">After</th><th scope="col" class="num">Saved</th></tr></thead>
        <tbody id="recent"></tbody>
      </table></div>
    </section>
  </div>
</main>`,
    scripts: [uplot.script, start],
  });
}
