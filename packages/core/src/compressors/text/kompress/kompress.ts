import { formatMarker } from '../../../ccr/marker.js';
import type { CompressorContext } from '../../../types.js';
import { mustKeepWordIndices, splitWords, type Word } from '../must-keep.js';
import { splitSentences } from '../sentences.js';
import type { KompressModel } from './load-model.js';
import type { KompressOptions } from './options.js';
import { scoreWords } from './score-words.js';

/**
 * Kompress: keeps the words the model scores above the threshold (or the best `targetRatio` of them) plus every
 * must-keep word, joined in order with the original spacing, and stashes the original behind a marker.
 * Returns the input unchanged when every word is kept.
 */
export async function compressWithKompress(
  text: string,
  ctx: CompressorContext,
  model: KompressModel,
  options: Pick<KompressOptions, 'threshold' | 'targetRatio'> = {},
): Promise<string> {
  const words = splitWords(text);
  if (words.length === 0) return text;
  const scores = await scoreWords(
    model,
    words.map((w) => w.text),
    ctx.signal,
  );
  const kept = selectWords(scores, options);
  for (const index of mustKeepWordIndices(text, words)) kept.add(index);
  if (kept.size === words.length) return text;

  const key = ctx.stash(text, { kind: 'text', count: splitSentences(text).length });
  const note = `${words.length - kept.size} of ${words.length} words omitted by Kompress`;
  return `${joinWords(text, words, kept)}\n\n${formatMarker(key, note)}`;
}

/** Words above the threshold, or with a target ratio the best-scoring share of them (ties by position). */
function selectWords(
  scores: readonly number[],
  { threshold = 0.5, targetRatio }: Pick<KompressOptions, 'threshold' | 'targetRatio'>,
): Set<number> {
  if (targetRatio === undefined)
    return new Set(scores.flatMap((score, i) => (score > threshold ? [i] : [])));
  const count = Math.ceil(scores.length * targetRatio);
  const ranked = scores
    .map((score, index) => ({ score, index }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  return new Set(ranked.slice(0, count).map((r) => r.index));
}

/** Kept words in order: original whitespace between neighbours; across a gap, the gap's line or paragraph break or a space. */
function joinWords(text: string, words: readonly Word[], kept: ReadonlySet<number>): string {
  let out = '';
  let previous: Word | undefined;
  for (const [index, word] of words.entries()) {
    if (!kept.has(index)) continue;
    if (previous) {
      const between = text.slice(previous.end, word.start);
      const adjacent = words[index - 1] === previous;
      out += adjacent
        ? between
        : /\n\s*\n/.test(between)
          ? '\n\n'
          : between.includes('\n')
            ? '\n'
            : ' ';
    }
    out += word.text;
    previous = word;
  }
  return out;
}
