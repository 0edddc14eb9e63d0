import { describe, expect, it } from 'vitest';
import { barChart } from './bar-chart.js';
import { lineChart } from './line-chart.js';

const bars = {
  title: 'Saved <tokens>',
  categories: ['Code search', 'Logs'],
  series: [
    { name: 'Ours', values: [72.5, 97] },
    { name: 'Reference', values: [92, undefined] },
  ],
  label: (v: number) => `${v}%`,
};

describe('charts', () => {
  it('a bar chart is deterministic SVG with one bar per known value, escaped text and an accessible title', () => {
    const svg = barChart(bars);
    expect(barChart(bars)).toBe(svg);
    expect(svg.match(/<rect x="230"/g)).toHaveLength(3);
    expect(svg).toContain('<title id="t">Saved &lt;tokens&gt;</title>');
    expect(svg).toContain('>72.5%</text>');
    // The longest bar spans the whole plot; others are proportional.
    expect(svg).toContain('width="460"');
  });

  it('a line chart draws one polyline per series across the steps', () => {
    const svg = lineChart({
      title: 'Cost per turn',
      xLabel: 'turn',
      series: [
        { name: 'a', values: [1, 2, 3] },
        { name: 'b', values: [1, 1, 1] },
      ],
      label: (v) => v.toFixed(1),
    });
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toMatch(/<polyline points="70,\d+(\.\d)? /);
  });
});
