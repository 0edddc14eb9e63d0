import type { DashboardData, PeriodTotals } from './dashboard-data.js';

interface UPlotLike {
  new (
    options: unknown,
    data: unknown,
    target: HTMLElement,
  ): { setData(data: unknown): void; setSize(size: { width: number; height: number }): void };
}

/**
 * The page's script. It runs in the browser: the page inlines `dashboardClient.toString()`, so it must
 * use nothing from outside its own body except the DOM and the uPlot global it is given.
 */
export function dashboardClient(UPlot: UPlotLike, dataUrl: string, intervalMs: number): void {
  const $ = (id: string): HTMLElement => document.getElementById(id) as HTMLElement;
  const number = (n: number): string => n.toLocaleString('en-US');
  const usd = (n: number): string =>
    `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: n < 1 ? 4 : 2 })}`;
  const percent = (before: number, after: number): string =>
    before === 0 ? '0%' : `${(((before - after) / before) * 100).toFixed(1)}%`;
  const text = (tag: string, content: string, className?: string): HTMLElement => {
    const el = document.createElement(tag);
    el.textContent = content;
    if (className) el.className = className;
    return el;
  };
  let chart: InstanceType<UPlotLike> | undefined;

  const period = (id: string, totals: PeriodTotals): void => {
    $(`${id}-saved`).textContent = number(totals.tokensSaved);
    $(`${id}-cost`).textContent = usd(totals.costSavedUsd);
    $(`${id}-detail`).textContent =
      `${number(totals.compressions)} compressions · ${percent(totals.tokensBefore, totals.tokensAfter)} saved`;
  };

  const breakdown = (id: string, rows: DashboardData['byKind']): void => {
    const body = $(id);
    const max = Math.max(1, ...rows.map((r) => r.tokensSaved));
    body.replaceChildren(
      ...rows.map((row) => {
        const tr = document.createElement('tr');
        const bar = text('span', '', 'bar');
        bar.style.width = `${Math.max(0, (row.tokensSaved / max) * 100)}%`;
        const barCell = document.createElement('td');
        barCell.className = 'bar-cell';
        barCell.append(bar);
        tr.append(
          text('th', row.name),
          text('td', number(row.tokensSaved), 'num'),
          text('td', percent(row.tokensBefore, row.tokensAfter), 'num'),
          barCell,
        );
        tr.firstElementChild?.setAttribute('scope', 'row');
        return tr;
      }),
    );
  };

  const series = (data: DashboardData): void => {
    const points = [
      data.series.map((p) => p.t),
      data.series.map((p) => p.before),
      data.series.map((p) => p.after),
    ];
    const target = $('series');
    const size = { width: Math.max(240, target.clientWidth), height: 260 };
    if (chart) {
      chart.setData(points);
      chart.setSize(size);
      return;
    }
    chart = new UPlot(
      {
        ...size,
        series: [
          {},
          { label: 'Tokens before', stroke: '#b3261e', width: 2 },
          { label: 'Tokens after', stroke: '#1b6e3a', width: 2, fill: 'rgba(27,110,58,0.12)' },
        ],
        axes: [
          {},
          { size: 70, values: (_u: unknown, ticks: number[]) => ticks.map((t) => number(t)) },
        ],
      },
      points,
      target,
    );
  };

  const render = (data: DashboardData): void => {
    const empty = data.allTime.compressions === 0;
    $('empty').hidden = !empty;
    $('content').hidden = empty;
    $('skipped').hidden = data.skippedLines === 0;
    $('skipped').textContent = `${number(data.skippedLines)} damaged ledger line(s) were skipped.`;
    $('updated').textContent =
      `Updated ${new Date(data.generatedAt).toLocaleTimeString('en-US', { hour12: false })} · refreshes every ${intervalMs / 1000} s`;
    if (empty) return;
    period('today', data.today);
    period('week', data.week);
    period('all', data.allTime);
    series(data);
    breakdown('by-model', data.byModel);
    breakdown('by-kind', data.byKind);
    breakdown('by-compressor', data.byCompressor);
    const { retrieval } = data;
    $('retrieval-rounds').textContent = number(retrieval.rounds);
    $('retrieval-hits').textContent =
      `${number(retrieval.hits)} / ${number(retrieval.hits + retrieval.misses)}`;
    $('retrieval-rate').textContent =
      retrieval.hitRate === undefined ? '—' : `${(retrieval.hitRate * 100).toFixed(1)}%`;
    $('recent').replaceChildren(
      ...data.recent.map((r) => {
        const tr = document.createElement('tr');
        tr.append(
          text('td', new Date(r.ts).toLocaleString('en-US', { hour12: false })),
          text('td', r.source),
          text('td', r.model ?? '—'),
          text('td', r.kinds.join(', ') || '—'),
          text('td', number(r.tokensBefore), 'num'),
          text('td', number(r.tokensAfter), 'num'),
          text('td', percent(r.tokensBefore, r.tokensAfter), 'num'),
        );
        return tr;
      }),
    );
  };

  const refresh = async (): Promise<void> => {
    try {
      const response = await fetch(dataUrl, { cache: 'no-store' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      render((await response.json()) as DashboardData);
      $('error').hidden = true;
    } catch (error) {
      $('error').hidden = false;
      $('error').textContent = `Could not load the stats: ${(error as Error).message}. Retrying…`;
    }
  };
  void refresh();
  setInterval(() => void refresh(), intervalMs);
  window.addEventListener('resize', () =>
    chart?.setSize({ width: Math.max(240, $('series').clientWidth), height: 260 }),
  );
}
