import { formatMarker } from '../../ccr/marker.js';
import { bm25Scores } from '../../relevance/bm25.js';
import type { CompressorContext } from '../../types.js';
import { createGramSet, type Gram, type GramSet } from './gram-set.js';
import { noveltyScores } from './novelty.js';
import { sentenceText, splitSentences, type Sentence } from './sentences.js';
import { type SentenceWords, sentenceWords } from './sentence-words.js';

/** Below this many sentences there is too little to choose from; the text passes through. */
const MIN_SENTENCES = 6;
/** A sentence is a near-duplicate when this share of its word 3-grams already appeared in kept sentences. */
const NEAR_DUPLICATE = 0.85;
const WEIGHTS = { relevance: 2, salience: 1.5, novelty: 0.5 };

/**
 * The extractive fallback: keeps the best sentences (relevance to the query, position, must-keep facts,
 * novelty) up to `targetRatio` of the tokens, drops near-duplicates, and stashes the original behind a marker.
 * Returns the input unchanged when there is nothing worth dropping.
 */
export function compressExtractive(
  text: string,
  ctx: CompressorContext,
  targetRatio: number,
): string {
  const sentences = splitSentences(text);
  if (sentences.length < MIN_SENTENCES) return text;
  const texts = sentences.map((s) => sentenceText(text, s));
  const words = sentenceWords(texts);
  const scores = scoreSentences(sentences, texts, words, ctx.query);
  // Pages repeat sentences (a fifth of them on npm's docs); each distinct one is counted once.
  const counted = new Map<string, number>();
  const tokens = texts.map((t) => {
    let count = counted.get(t);
    if (count === undefined) counted.set(t, (count = ctx.countTokens(t)));
    return count;
  });
  const budget = Math.floor(tokens.reduce((a, b) => a + b, 0) * targetRatio);

  // The comparator answers -1/0/1 (as the difference of the scores would), not the difference itself: a double
  // returned from a comparator is boxed, one heap number per comparison.
  const order = scores
    .map((_, index) => index)
    .sort((a, b) => (scores[b]! > scores[a]! ? 1 : scores[b]! < scores[a]! ? -1 : a - b));
  const kept = new Set<number>();
  const seen = createGramSet();
  const shingles = shingler(words);
  let used = 0;
  for (let k = 0; k < order.length; k++) {
    const index = order[k]!;
    if (used + tokens[index]! > budget) continue;
    const grams = shingles(index, texts[index]!);
    if (isNearDuplicate(grams, seen)) continue;
    kept.add(index);
    used += tokens[index]!;
    for (let g = 0; g < grams.length; g++) seen.add(grams[g]!);
  }
  if (kept.size === 0 || kept.size === sentences.length) return text;

  const key = ctx.stash(text, { kind: 'text', count: sentences.length });
  const omitted = sentences.length - kept.size;
  return `${render(text, sentences, kept)}\n\n${formatMarker(key, `${omitted} of ${sentences.length} sentences omitted`)}`;
}

function scoreSentences(
  sentences: readonly Sentence[],
  texts: readonly string[],
  { salience, terms, termCount }: SentenceWords,
  query: string,
): number[] {
  const relevance = bm25Scores(texts, query);
  const novelty = noveltyScores(terms, termCount);
  const last = sentences.length - 1;
  return sentences.map((sentence, i) => {
    const text = texts[i]!;
    const firstOfParagraph = i === 0 || sentences[i - 1]!.paragraph !== sentence.paragraph;
    const position = i === 0 ? 1 : i === last ? 0.5 : firstOfParagraph ? 0.3 : 0;
    const structure = sentence.kind === 'heading' ? 0.8 : 0;
    const score =
      position +
      structure +
      WEIGHTS.relevance * relevance[i]! +
      WEIGHTS.salience * salience[i]! +
      WEIGHTS.novelty * novelty[i]!;
    // Fragments ("See below.", "Yes.") say little on their own.
    return sentence.kind === 'sentence' && text.length < 12 ? score * 0.25 : score;
  });
}

/** Ids below 2^17 pack three to a double exactly. */
const ID_LIMIT = 2 ** 17;

/**
 * Word 3-grams of a sentence, over its lowercased `[\p{L}\p{N}_]` runs as word ids (from the scan
 * {@link sentenceWords} made, or the Unicode regex for non-ASCII text). A short sentence is one gram of all its
 * words, so it only counts as a duplicate when it is repeated whole (a heading like "Web Tree-sitter" is not a
 * copy of a line that mentions it). Ids make most grams numbers, not a new string each.
 */
function shingler({ words, wordId }: SentenceWords): (index: number, text: string) => Gram[] {
  return (index, text) => {
    const ids = words[index] ?? (text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []).map(wordId);
    if (ids.length < 6) return ids.length > 0 ? [`=${ids.join(' ')}`] : [];
    const grams: Gram[] = [];
    for (let i = 0; i + 3 <= ids.length; i += 1) {
      const a = ids[i]!;
      const b = ids[i + 1]!;
      const c = ids[i + 2]!;
      grams.push(
        a < ID_LIMIT && b < ID_LIMIT && c < ID_LIMIT
          ? (a * ID_LIMIT + b) * ID_LIMIT + c
          : `${a} ${b} ${c}`,
      );
    }
    return grams;
  };
}

function isNearDuplicate(grams: readonly Gram[], seen: GramSet): boolean {
  if (grams.length === 0) return false;
  let repeated = 0;
  for (let g = 0; g < grams.length; g++) if (seen.has(grams[g]!)) repeated++;
  return repeated / grams.length >= NEAR_DUPLICATE;
}

/** Re-joins kept sentences in order: original spacing between neighbours, line and paragraph breaks kept. */
function render(text: string, sentences: readonly Sentence[], kept: ReadonlySet<number>): string {
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  let out = '';
  let previous: number | undefined;
  for (let i = 0; i < sentences.length; i += 1) {
    if (!kept.has(i)) continue;
    const sentence = sentences[i]!;
    const before = previous === undefined ? undefined : sentences[previous]!;
    if (!before) out += text.slice(sentence.start, sentence.end);
    else if (before.flow === sentence.flow)
      out +=
        (previous === i - 1 ? text.slice(before.end, sentence.start) : ' ') +
        text.slice(sentence.start, sentence.end);
    else
      out +=
        newline.repeat(before.paragraph === sentence.paragraph ? 1 : 2) +
        text.slice(sentence.start, sentence.end);
    previous = i;
  }
  return out;
}
