import { isTermChar, relevanceTerms } from '../../relevance/tokenize.js';
import { isWhitespace } from '../../util/is-whitespace.js';
import { isMustKeepWord, quotedSpans } from './must-keep.js';

/** What the extractive scorer needs from the words of each sentence, found in one pass over them. */
export interface SentenceWords {
  /** Per sentence, the share of its words that carry facts (must-keep words, quoted words, error words), capped at 1. */
  salience: number[];
  /** Per sentence, its distinct relevance terms ({@link relevanceTerms}) as ids, in order of first appearance. */
  terms: number[][];
  /** How many distinct terms all sentences have. */
  termCount: number;
  /**
   * Per sentence, its lowercased `[A-Za-z0-9_]` runs in order, as ids of {@link SentenceWords.wordId} (each run is
   * its own first relevance term); undefined for a sentence with non-ASCII characters, whose words need the Unicode regex.
   */
  words: Array<readonly number[] | undefined>;
  /** The id of a lowercased word, shared with the ids in `words` and `terms`. */
  wordId: (word: string) => number;
}

const ERROR_WORDS = new Set(
  'error errors exception failed failure fail fatal warning traceback panic timeout denied deprecated breaking'.split(
    ' ',
  ),
);

const ERROR_LETTERS = {
  min: Math.min(...[...ERROR_WORDS].map((w) => w.length)),
  max: Math.max(...[...ERROR_WORDS].map((w) => w.length)),
  first: new Set([...ERROR_WORDS].map((w) => w.charCodeAt(0))),
};

/** What one distinct whitespace-delimited word contributes, worked out once: prose repeats its words. */
interface WordFacts {
  mustKeep: boolean;
  error: boolean;
  /** Its relevance terms; terms never span whitespace, so a sentence's terms are its words' terms in turn. */
  terms: string[];
  /** Its `[A-Za-z0-9_]` runs, lowercased: `terms` itself when no run has parts. */
  runs: string[];
  /** Whether all its characters are ASCII. */
  ascii: boolean;
}

/** A word's facts within one call: its terms and runs as that call's ids. */
interface WordIds {
  facts: WordFacts;
  ids: number[];
  runIds: number[];
}

/** Distinct words whose facts are remembered across calls; texts of one session share most of their words. */
const WORD_CACHE_LIMIT = 1 << 16;
/** Longer words rarely repeat (URLs, hashes); not caching them keeps the cache small. */
const CACHED_WORD_CHARS = 48;
const wordCache = new Map<string, WordFacts>();

/** The facts of `word`, from the cache when it was seen before (they depend on the word alone). */
function wordFacts(word: string): WordFacts {
  let facts = wordCache.get(word);
  if (facts === undefined) {
    const terms: string[] = [];
    const runs: string[] = [];
    addTerms(word, terms, runs);
    facts = {
      mustKeep: isMustKeepWord(word),
      error: isErrorWord(word),
      terms,
      runs: runs.length === terms.length ? terms : runs,
      ascii: isAscii(word),
    };
    if (word.length <= CACHED_WORD_CHARS) {
      if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
      wordCache.set(word, facts);
    }
  }
  return facts;
}

/** Salience and relevance terms of each sentence; a repeated sentence is looked at once. */
export function sentenceWords(texts: readonly string[]): SentenceWords {
  const termIds = new Map<string, number>();
  // The sentence that last had each term id: distinct terms without a Set per sentence.
  const stamp: number[] = [];
  const idOf = (term: string): number => {
    let id = termIds.get(term);
    if (id === undefined) {
      termIds.set(term, (id = stamp.length));
      stamp.push(-1);
    }
    return id;
  };
  const words = new Map<string, WordIds>();
  const wordOf = (word: string): WordIds => {
    let known = words.get(word);
    if (known === undefined) {
      const facts = wordFacts(word);
      const ids = facts.terms.map(idOf);
      known = { facts, ids, runIds: facts.runs === facts.terms ? ids : facts.runs.map(idOf) };
      words.set(word, known);
    }
    return known;
  };
  const seen = new Map<string, number>();
  const salience: number[] = [];
  const terms: number[][] = [];
  const sentenceRuns: Array<number[] | undefined> = [];
  for (const [index, text] of texts.entries()) {
    const earlier = seen.get(text);
    if (earlier !== undefined) {
      salience.push(salience[earlier]!);
      terms.push(terms[earlier]!);
      sentenceRuns.push(sentenceRuns[earlier]);
      continue;
    }
    seen.set(text, index);
    const spans = quotedSpans(text);
    const own: number[] = [];
    let runs: number[] | undefined = [];
    let count = 0;
    let salient = 0;
    let span = 0;
    let at = 0;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (isWhitespace(code)) {
        if (code >= 128) runs = undefined;
        at++;
        continue;
      }
      const start = at;
      while (at < text.length && !isWhitespace(text.charCodeAt(at))) at++;
      const word = wordOf(text.slice(start, at));
      const { facts } = word;
      count++;
      if (facts.error) salient++;
      if (facts.mustKeep) salient++;
      else if (span < spans.length) {
        while (span < spans.length && spans[span]![1] <= start) span++;
        const quoted = spans[span];
        if (quoted && start < quoted[1] && at > quoted[0]) salient++;
      }
      if (runs && facts.ascii) for (const id of word.runIds) runs.push(id);
      else runs = undefined;
      for (const id of word.ids) {
        if (stamp[id] === index) continue;
        stamp[id] = index;
        own.push(id);
      }
    }
    salience.push(Math.min(1, salient / (count + 1)));
    terms.push(own);
    sentenceRuns.push(runs);
  }
  return { salience, terms, termCount: termIds.size, words: sentenceRuns, wordId: idOf };
}

/**
 * Appends `word`'s relevance terms (those of each `[A-Za-z0-9_]` run, in order) and its runs lowercased. A lowercase
 * run is its own only term, so {@link relevanceTerms} is asked only about runs with capitals or underscores.
 */
function addTerms(word: string, terms: string[], runs: string[]): void {
  let at = 0;
  while (at < word.length) {
    let code = word.charCodeAt(at);
    if (!isTermChar(code)) {
      at++;
      continue;
    }
    const start = at;
    let plain = true;
    for (; at < word.length && isTermChar((code = word.charCodeAt(at))); at++)
      if ((code >= 65 && code <= 90) || code === 95) plain = false;
    const run = word.slice(start, at);
    if (plain) {
      terms.push(run);
      runs.push(run);
    } else {
      for (const term of relevanceTerms(run)) terms.push(term);
      runs.push(run.toLowerCase());
    }
  }
}

function isAscii(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) >= 128) return false;
  return true;
}

function isErrorWord(word: string): boolean {
  // Most ASCII words cannot be one (wrong first letter, too few or many letters): they are not lowercased.
  let letters = 0;
  let first = 0;
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    // Lowercasing turns some non-ASCII letters (İ, the Kelvin sign) into ASCII ones: the full test decides.
    if (code >= 128) return ERROR_WORDS.has(lettersOf(word));
    const lower = code | 0x20;
    if (lower < 97 || lower > 122) continue;
    if (letters++ === 0) first = lower;
  }
  return (
    letters >= ERROR_LETTERS.min &&
    letters <= ERROR_LETTERS.max &&
    ERROR_LETTERS.first.has(first) &&
    ERROR_WORDS.has(lettersOf(word))
  );
}

/** The lowercase ASCII letters of a word, as error words are matched. */
function lettersOf(word: string): string {
  return word.toLowerCase().replace(/[^a-z]/g, '');
}
