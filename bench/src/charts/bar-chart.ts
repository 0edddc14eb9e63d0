import { fmt, legend, PALETTE, svgOpen, xml } from './svg.js';

/** A horizontal grouped bar chart: one group per category, one bar per series. */
export interface BarChart {
  title: string;
  categories: readonly string[];
  /** `values[i]` belongs to `categories[i]`; `undefined` leaves that bar out (no figure for it). */
  series: ReadonlyArray<{ name: string; values: ReadonlyArray<number | undefined> }>;
  /** How a value is printed beside its bar, e.g. `(v) => \`${v}%\``. */
  label: (value: number) => string;
  /** A dashed vertical line, e.g. a target of 1.0×. */
  rule?: { at: number; label: string };
}

const WIDTH = 760;
const LABEL_WIDTH = 230;
const BAR = 14;

/** Renders {@link BarChart} as a standalone SVG document (deterministic: same data, same bytes). */
export function barChart(chart: BarChart): string {
  const groupHeight = chart.series.length * (BAR + 3) + 12;
  const top = 52;
  const height = top + chart.categories.length * groupHeight + 16;
  const max = Math.max(
    chart.rule?.at ?? 0,
    ...chart.series.flatMap((s) => s.values.filter((v): v is number => v !== undefined)),
    1e-9,
  );
  const plot = WIDTH - LABEL_WIDTH - 70;
  const x = (v: number) => LABEL_WIDTH + (Math.max(0, v) / max) * plot;
  const parts = [
    svgOpen(WIDTH, height, chart.title),
    legend(
      chart.series.map((s) => s.name),
      42,
    ),
  ];
  chart.categories.forEach((category, c) => {
    const y0 = top + c * groupHeight;
    parts.push(
      `<text x="${LABEL_WIDTH - 8}" y="${fmt(y0 + groupHeight / 2)}" text-anchor="end">${xml(category)}</text>`,
    );
    chart.series.forEach((series, s) => {
      const value = series.values[c];
      if (value === undefined) return;
      const y = y0 + 6 + s * (BAR + 3);
      parts.push(
        `<rect x="${LABEL_WIDTH}" y="${y}" width="${fmt(x(value) - LABEL_WIDTH)}" height="${BAR}" fill="${PALETTE[s % PALETTE.length]}"/>`,
      );
      parts.push(
        `<text class="m" x="${fmt(x(value) + 4)}" y="${y + BAR - 3}">${xml(chart.label(value))}</text>`,
      );
    });
  });
  if (chart.rule) {
    const rx = fmt(x(chart.rule.at));
    parts.push(
      `<line x1="${rx}" y1="${top - 4}" x2="${rx}" y2="${height - 12}" stroke="#1d1d1f" stroke-dasharray="4 3"/>`,
    );
    parts.push(
      `<text class="m" x="${rx}" y="${height - 2}" text-anchor="middle">${xml(chart.rule.label)}</text>`,
    );
  }
  parts.push('</svg>\n');
  return parts.join('\n');
}
