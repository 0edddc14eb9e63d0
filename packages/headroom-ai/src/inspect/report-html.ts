import { MARKER_PATTERN } from '@headroom/core/internal';
import { escapeHtml, htmlDocument } from '../dashboard/page-assets.js';
import type { InspectMarker, InspectReport, InspectSegment } from './inspect-report.js';
import type { MarkedLine } from './line-states.js';

const REPORT_STYLE = `
.side { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: 12px; }
.lines { margin: 0; padding: 8px 0; border: 1px solid var(--line); border-radius: 6px; max-height: 70vh; overflow: auto; background: #fbfbfc; }
.line { display: block; padding: 0 8px; white-space: pre-wrap; overflow-wrap: anywhere; }
.line::before { display: inline-block; width: 1.2em; color: var(--muted); content: attr(data-mark); }
.line.dropped { background: #fde7e5; }
.line.added { background: #fff4d6; }
.legend span { padding: 2px 6px; border-radius: 4px; margin-right: 8px; }
.legend .dropped { background: #fde7e5; } .legend .added { background: #fff4d6; }
a.marker { font-weight: 600; }
details { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; margin: 8px 0; }
details pre { white-space: pre-wrap; overflow-wrap: anywhere; max-height: 60vh; overflow: auto; }
.segment { border-top: 2px solid var(--line); margin-top: 24px; }
`;

const MARKS: Record<MarkedLine['state'], string> = { kept: ' ', dropped: '−', added: '+' };
const number = (n: number): string => n.toLocaleString('en-US');
const saved = (before: number, after: number): string =>
  before === 0 ? '0%' : `${(((before - after) / before) * 100).toFixed(1)}%`;

function lines(marked: readonly MarkedLine[], linkMarkers: boolean): string {
  return marked
    .map(({ text, state }) => {
      const html = linkMarkers ? withMarkerLinks(text) : escapeHtml(text);
      return `<span class="line ${state}" data-mark="${MARKS[state]}">${html}</span>`;
    })
    .join('');
}

/** Escapes a line and turns each `<<ccr:KEY …>>` in it into a link to its stored original below. */
function withMarkerLinks(text: string): string {
  let html = '';
  let at = 0;
  for (const match of text.matchAll(new RegExp(MARKER_PATTERN.source, 'g'))) {
    html += `${escapeHtml(text.slice(at, match.index))}<a class="marker" href="#ccr-${match[1]}">${escapeHtml(match[0])}</a>`;
    at = match.index + match[0].length;
  }
  return html + escapeHtml(text.slice(at));
}

function marker(m: InspectMarker): string {
  const count = m.original.split('\n').length;
  const retrieval = m.retrieval
    ? `<p>With the query, <code>headroom_retrieve</code> returns${m.retrieval.matched === undefined ? '' : ` ${number(m.retrieval.matched)} of ${number(m.retrieval.total ?? 0)} parts`}:</p><pre tabindex="0">${escapeHtml(m.retrieval.content)}</pre>`
    : '';
  return `<details id="ccr-${m.key}"><summary>Stored original <code>${m.key}</code> (${number(count)} lines, ${number(m.original.length)} characters)</summary><pre tabindex="0">${escapeHtml(m.original)}</pre>${retrieval}</details>`;
}

function segment(s: InspectSegment, index: number): string {
  const scores = s.scores
    ? Object.entries(s.scores)
        .sort((a, b) => b[1] - a[1])
        .map(([kind, score]) => `${kind} ${score}`)
        .join(', ')
    : undefined;
  const why = s.binary
    ? 'binary content: passed through untouched'
    : scores
      ? `detector scores: ${scores}`
      : 'settled before scoring (parsed as JSON, or empty)';
  const dropped = s.original.filter((l) => l.state === 'dropped').length;
  return `<section class="segment" aria-labelledby="seg-${index}">
<h2 id="seg-${index}">Tool output ${index + 1}: message ${s.messageIndex}${s.toolName ? ` (${escapeHtml(s.toolName)})` : ''}</h2>
<p>Detected <strong>${escapeHtml(s.kind)}</strong> (confidence ${s.confidence}); ${escapeHtml(why)}.<br>
Strategy <code>${escapeHtml(s.strategy)}</code> · tokens ${number(s.tokensBefore)} → ${number(s.tokensAfter)} (${saved(s.tokensBefore, s.tokensAfter)} saved) · ${number(dropped)} of ${number(s.original.length)} lines not in the output.</p>
<div class="side">
<div><h3>Original</h3><pre class="lines" tabindex="0" aria-label="Original text, dropped lines marked with a minus">${lines(s.original, false)}</pre></div>
<div><h3>What the model gets</h3><pre class="lines" tabindex="0" aria-label="Compressed text, added lines marked with a plus">${lines(s.compressed, true)}</pre></div>
</div>
${s.markers.length > 0 ? `<h3>Stored originals (CCR)</h3>${s.markers.map(marker).join('')}` : ''}
</section>`;
}

// Opening a marker's link unfolds the stored original it points at.
function openTarget(): void {
  const open = (): void => {
    const target = location.hash
      ? document.getElementById(decodeURIComponent(location.hash.slice(1)))
      : null;
    if (target instanceof HTMLDetailsElement) target.open = true;
  };
  window.addEventListener('hashchange', open);
  open();
}

/** The report as one self-contained HTML page: side-by-side texts, highlights, markers linked to their originals. */
export function reportHtml(report: InspectReport): string {
  return htmlDocument({
    title: 'Headroom inspect report',
    style: REPORT_STYLE,
    body: `<main>
<h1>Headroom inspect report</h1>
<p class="meta">Model ${escapeHtml(report.model)}${report.query ? ` · query “${escapeHtml(report.query)}”` : ''} · tokens ${number(report.tokensBefore)} → ${number(report.tokensAfter)} (${saved(report.tokensBefore, report.tokensAfter)} saved) · ${report.segments.length} tool output(s)</p>
<p class="legend"><span class="dropped">− dropped from the output (stored, retrievable)</span><span class="added">+ added by the compressor (markers, counts, collapsed bodies)</span></p>
${report.segments.map(segment).join('\n')}
</main>`,
    scripts: [`(${openTarget.toString()})();`],
  });
}
