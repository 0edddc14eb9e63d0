import { PAGE_STYLE } from './page-style.js';
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
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

/**
 * A whole self-contained page: shared styles plus the page's own, the body, then the scripts, each inlined.
 * No external resource, not even a favicon request (the proxy would forward it to the provider).
 */
export function htmlDocument({
  title,
  style,
  body,
  scripts,
}: {
  title: string;
  style: string;
  body: string;
  scripts: readonly string[];
}): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${PAGE_STYLE}${style}</style>
</head>
<body>
${body}
${scripts.map((script) => `<script>${inlineScript(script)}</script>`).join('\n')}
</body>
</html>
`;
}
