import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inspectReport } from './inspect-report.js';
import { reportHtml } from './report-html.js';

const dpkgLog = readFileSync(
  new URL('../../../core/src/router/__fixtures__/corpus/dpkg.log', import.meta.url),
  'utf8',
);

describe('inspectReport', () => {
  it('reports kind, scores, strategy, tokens, line states and the stored original of a real log', async () => {
    const report = await inspectReport(dpkgLog, { query: 'libsystemd0', fileName: 'dpkg.log' });
    expect(report.segments).toHaveLength(1);
    const [segment] = report.segments;
    expect(segment).toMatchObject({ kind: 'log', messageIndex: 2 });
    expect(segment!.strategy).not.toBe('unchanged');
    expect(segment!.tokensAfter).toBeLessThan(segment!.tokensBefore);
    expect(segment!.original.map((l) => l.text).join('\n')).toBe(dpkgLog);
    expect(segment!.original.some((l) => l.state === 'dropped')).toBe(true);
    expect(segment!.compressed.some((l) => l.state === 'added' && l.text.includes('<<ccr:'))).toBe(
      true,
    );
    expect(segment!.markers.map((m) => m.original)).toContain(dpkgLog);
    const retrieval = segment!.markers.find((m) => m.original === dpkgLog)!.retrieval!;
    expect(retrieval.content).toContain('libsystemd0');
  });

  it('renders markers as links to their originals and escapes the text', async () => {
    const html = reportHtml(await inspectReport(`<script>alert(1)</script>\n${dpkgLog}`));
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    const key = /href="#ccr-([0-9a-f]+)"/.exec(html)![1];
    expect(html).toContain(`<details id="ccr-${key}">`);
  });

  it('a small tool output goes out unchanged and says so', async () => {
    const report = await inspectReport('just a few words');
    expect(report.segments[0]).toMatchObject({ strategy: 'unchanged', markers: [] });
    expect(report.segments[0]!.tokensAfter).toBe(report.segments[0]!.tokensBefore);
  });
});
