import { formatMarker } from '../../ccr/marker.js';
import type {
  Compressor,
  CompressorContext,
  CompressorOutput,
  CompressorSpec,
} from '../../types.js';
import { extractReadableText } from './extract-text.js';
import { nestsDeeperThan } from './html-depth.js';
import { htmlUnits } from './html-units.js';

/** Fewer readable words than this means extraction missed the page (an app shell, a script-built page): keep the original. */
const MIN_WORDS = 30;
/** Deeper element nesting than this is not a page (real pages stay under ~100): it passes through unparsed. */
const MAX_DEPTH = 512;

/** Options of {@link createHtmlCompressor}. */
export interface HtmlCompressorOptions {
  /** Compresses the extracted page text; the pipeline passes its own `text` compressor. Without one, extraction only. */
  text?: CompressorSpec;
}

/**
 * HTML compressor: extracts the readable page (headings, paragraphs, lists, tables, code, links
 * with URLs), then compresses that as prose with the given text compressor. The HTML itself
 * goes to CCR, since markup, scripts and navigation are dropped. Little readable text → original.
 */
export function createHtmlCompressor(options: HtmlCompressorOptions = {}): CompressorSpec {
  const prose = options.text?.compress;
  return { compress: (text, ctx) => compressHtml(text, ctx, prose), units: htmlUnits };
}

async function compressHtml(
  text: string,
  ctx: CompressorContext,
  prose: Compressor | undefined,
): Promise<CompressorOutput> {
  if (nestsDeeperThan(text, MAX_DEPTH)) return { text };
  const extracted = await extractReadableText(text);
  if (extracted.length >= text.length || !hasWords(extracted, MIN_WORDS)) return { text };

  let body = extracted;
  let strategy = 'html:extract';
  if (prose) {
    const out = await prose(extracted, ctx);
    if (out.text !== extracted) {
      body = out.text;
      strategy = `html:extract+${out.strategy ?? 'text'}`;
    }
  }
  const note = `page text extracted from ${text.length} chars of HTML; markup, scripts, styles and navigation omitted`;
  // Text with little markup can come out no shorter once the marker is added: then the original is the better answer.
  if (body.length + note.length + 64 >= text.length) return { text };
  const key = ctx.stash(text, { kind: 'html' });
  return { text: `${body}\n\n${formatMarker(key, note)}`, strategy };
}

/** Whether `text` has at least `count` whitespace-separated words (stops counting there). */
function hasWords(text: string, count: number): boolean {
  let seen = 0;
  for (const _ of text.matchAll(/\S+/g)) if (++seen >= count) return true;
  return false;
}
