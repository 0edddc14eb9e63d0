import { fmt, legend, PALETTE, svgOpen, xml } from './svg.js';

/** Lines over a shared x axis of steps 1…n, e.g. cost per turn. */
export interface LineChart {
  title: string;
  xLabel: string;
  series: ReadonlyArray<{ name: string; values: readonly number[] }>;
  /** How a y-axis tick is printed. */
  label: (value: number) => string;
}

const WIDTH = 760;
const PLOT_HEIGHT = 250;
const LEFT = 70;
const BOTTOM = 40;

/** Renders {@link LineChart} as a standalone SVG document (deterministic: same data, same bytes). */
export function lineChart(chart: LineChart): string {
  const TOP = 40 + chart.series.length * 16;
  const HEIGHT = TOP + PLOT_HEIGHT + BOTTOM;
  const steps = Math.max(1, ...chart.series.map((s) => s.values.length));
  const max = Math.max(1e-9, ...chart.series.flatMap((s) => s.values));
  const plotW = WIDTH - LEFT - 24;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (i: number) => LEFT + (steps === 1 ? 0 : (i / (steps - 1)) * plotW);
  const y = (v: number) => TOP + plotH - (v / max) * plotH;
  const parts = [
    svgOpen(WIDTH, HEIGHT, chart.title),
    legend(
      chart.series.map((s) => s.name),
      42,
      { vertical: true },
    ),
  ];
  for (let t = 0; t <= 4; t++) {
    const v = (max * t) / 4;
    parts.push(
      `<line x1="${LEFT}" y1="${fmt(y(v))}" x2="${WIDTH - 24}" y2="${fmt(y(v))}" stroke="#e3e3e6"/>`,
    );
    parts.push(
      `<text class="m" x="${LEFT - 6}" y="${fmt(y(v) + 4)}" text-anchor="end">${xml(chart.label(v))}</text>`,
    );
  }
  for (const i of [0, Math.floor((steps - 1) / 2), steps - 1]) {
    parts.push(
      `<text class="m" x="${fmt(x(i))}" y="${HEIGHT - BOTTOM + 16}" text-anchor="middle">${i + 1}</text>`,
    );
  }
  parts.push(
    `<text class="m" x="${fmt(LEFT + plotW / 2)}" y="${HEIGHT - 6}" text-anchor="middle">${xml(chart.xLabel)}</text>`,
  );
  chart.series.forEach((series, s) => {
    const points = series.values.map((v, i) => `${fmt(x(i))},${fmt(y(v))}`).join(' ');
    parts.push(
      `<polyline points="${points}" fill="none" stroke="${PALETTE[s % PALETTE.length]}" stroke-width="2"/>`,
    );
  });
  parts.push('</svg>\n');
  return parts.join('\n');
}
