import { formatMarker } from '../../ccr/marker.js';
import type { CompressorContext, CompressorOutput } from '../../types.js';
import { compressors } from '../registry.js';
import { extractReadableText } from './extract-text.js';
import { nestsDeeperThan } from './html-depth.js';

/** Fewer readable words than this means extraction missed the page (an app shell, a script-built page): keep the original. */
const MIN_WORDS = 30;
/** Deeper element nesting than this is not a page (real pages stay under ~100): it passes through unparsed. */
const MAX_DEPTH = 512;

/**
 * HTML compressor: extracts the readable page (headings, paragraphs, lists, tables, code, links
 * with URLs), then compresses that as prose with the registered text compressor. The HTML itself
 * goes to CCR, since markup, scripts and navigation are dropped. Little readable text → original.
 */
export async function compressHtml(text: string, ctx: CompressorContext): Promise<CompressorOutput> {
  if (nestsDeeperThan(text, MAX_DEPTH)) return { text };
  const extracted = extractReadableText(text);
  const words = extracted.split(/\s+/).filter(Boolean).length;
  if (words < MIN_WORDS || extracted.length >= text.length) return { text };

  let body = extracted;
  let strategy = 'html:extract';
  const prose = compressors.text;
  if (prose) {
    const out = await prose.compress(extracted, ctx);
    if (out.text !== extracted) {
      body = out.text;
      strategy = `html:extract+${out.strategy ?? 'text'}`;
    }
  }
  const key = ctx.stash(text, { kind: 'html' });
  const note = `page text extracted from ${text.length} chars of HTML; markup, scripts, styles and navigation omitted`;
  return { text: `${body}\n\n${formatMarker(key, note)}`, strategy };
}
