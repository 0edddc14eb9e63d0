import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
let cached: { script: string; style: string } | undefined;

/**
 * uPlot's script and stylesheet, read from the installed package once, to inline into pages: the
 * dashboard and reports work offline and behind strict networks, with no CDN.
 */
export function uplotAssets(): { script: string; style: string } {
  cached ??= {
    script: inlineScript(readFileSync(require.resolve('uplot/dist/uPlot.iife.min.js'), 'utf8')),
    style: readFileSync(require.resolve('uplot/dist/uPlot.min.css'), 'utf8'),
  };
  return cached;
}

/** Script text safe inside a `<script>` element: a literal `</script` would end it early. */
export function inlineScript(source: string): string {
  return source.replace(/<\/script/gi, '<\\/script');
}

/** Text safe inside HTML element content and double-quoted attributes. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
