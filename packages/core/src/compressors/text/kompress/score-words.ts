import type { KompressModel } from './load-model.js';

/** Words per model call, as the reference model was trained. */
const CHUNK_WORDS = 350;
/** The encoder's sequence limit, special tokens included. */
const MAX_TOKENS = 512;

/**
 * Scores every word with the model: words are tokenized one by one (pre-split), packed into chunks of at most
 * 350 words and 512 tokens, and a word's score is the best of its sub-tokens' scores. Unlike a truncating
 * tokenizer call, a chunk closes before it overflows, so every word is scored.
 */
export async function scoreWords(
  model: KompressModel,
  words: readonly string[],
  signal?: AbortSignal,
): Promise<number[]> {
  const room = MAX_TOKENS - model.prefix.length - model.suffix.length;
  const scores = new Array<number>(words.length).fill(0);
  let chunk: Array<{ word: number; ids: number[] }> = [];
  let tokens = 0;
  const flush = async () => {
    if (chunk.length === 0) return;
    signal?.throwIfAborted();
    const ids = [...model.prefix, ...chunk.flatMap((c) => c.ids), ...model.suffix];
    const tokenScores = await model.score(ids);
    let at = model.prefix.length;
    for (const { word, ids: wordIds } of chunk) {
      for (let i = 0; i < wordIds.length; i += 1)
        scores[word] = Math.max(scores[word]!, tokenScores[at + i]!);
      at += wordIds.length;
    }
    chunk = [];
    tokens = 0;
  };
  for (const [word, text] of words.entries()) {
    // A single word longer than a whole sequence (a blob, a long URL) is judged by its first tokens.
    const ids = model.encodeWord(text).slice(0, room);
    if (chunk.length === CHUNK_WORDS || tokens + ids.length > room) await flush();
    chunk.push({ word, ids });
    tokens += ids.length;
  }
  await flush();
  return scores;
}
