import { isTermChar, relevanceTerms } from '../../relevance/tokenize.js';
import { isWhitespace } from '../../util/is-whitespace.js';
import { isMustKeepWord, quotedSpans } from './must-keep.js';
import { FNV_OFFSET, fnvStep } from '../../util/fnv.js';
import { createWordTable } from './word-table.js';

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

/**
 * A distinct term (or shingle word), interned across calls so that a call numbers it without a map of its own.
 * `id` and `sentence` are the state of call `call` only: the call that meets it first with another number renews them.
 */
interface Term {
  text: string;
  call: number;
  id: number;
  /** The last sentence of the call that had it: distinct terms per sentence without a Set each. */
  sentence: number;
}

/** What one distinct whitespace-delimited word contributes, worked out once: prose repeats its words. */
interface WordFacts {
  mustKeep: boolean;
  error: boolean;
  /** Its relevance terms; terms never span whitespace, so a sentence's terms are its words' terms in turn. */
  terms: Term[];
  /** Its `[A-Za-z0-9_]` runs, lowercased (each its run's first term): `terms` itself when no run has parts. */
  runs: Term[];
  /** Whether all its characters are ASCII. */
  ascii: boolean;
}

/** Distinct words (and terms) remembered across calls; texts of one session share most of their words. */
const CACHE_LIMIT = 1 << 16;
/** Longer words rarely repeat (URLs, hashes); not caching them keeps the cache small. */
const CACHED_WORD_CHARS = 48;
const wordCache = createWordTable<WordFacts>();
const termCache = new Map<string, Term>();
/** Numbers the calls, so a term knows whether its id is from this one. */
let calls = 0;
/** How many distinct terms the current call has numbered. */
let termCount = 0;
/**
 * Where a sentence's term ids and run ids are gathered, then copied out at their final length: a fresh array per
 * sentence was reallocated as it grew, most of the garbage of a call.
 */
const ownScratch: number[] = [];
const runScratch: number[] = [];

/** The current call's id of `term`, numbering it now if the call has not met it yet. */
function idOf(term: Term): number {
  if (term.call !== calls) {
    term.call = calls;
    term.id = termCount++;
    term.sentence = -1;
  }
  return term.id;
}

/** The interned term for `text`. */
function termOf(text: string): Term {
  let term = termCache.get(text);
  if (term === undefined) termCache.set(text, (term = { text, call: -1, id: -1, sentence: -1 }));
  return term;
}

/** The facts of the word `text[start..end)` whose hash is `hash`, from the cache when it was seen before (they depend on the word alone). */
function wordFacts(text: string, start: number, end: number, hash: number): WordFacts {
  let facts = wordCache.get(text, start, end, hash);
  if (facts === undefined) {
    const word = text.slice(start, end);
    const terms: string[] = [];
    const runs: string[] = [];
    addTerms(word, terms, runs);
    const termList = terms.map(termOf);
    facts = {
      mustKeep: isMustKeepWord(word),
      error: isErrorWord(word),
      terms: termList,
      runs: runs.length === terms.length ? termList : runs.map(termOf),
      ascii: isAscii(word),
    };
    if (word.length <= CACHED_WORD_CHARS) wordCache.set(word, hash, facts);
  }
  return facts;
}

/**
 * Salience and relevance terms of each sentence; a repeated sentence is looked at once. Term ids (and
 * `wordId`) are this call's: numbered in order of first appearance, valid until the next call.
 */
export function sentenceWords(texts: readonly string[]): SentenceWords {
  // Cleared between calls only: a term must keep its id for the whole of one.
  if (wordCache.size >= CACHE_LIMIT || termCache.size >= CACHE_LIMIT) {
    wordCache.clear();
    termCache.clear();
  }
  calls++;
  termCount = 0;
  const seen = new Map<string, number>();
  const salience: number[] = [];
  const terms: number[][] = [];
  const sentenceRuns: Array<number[] | undefined> = [];
  for (let index = 0; index < texts.length; index++) {
    const text = texts[index]!;
    const earlier = seen.get(text);
    if (earlier !== undefined) {
      salience.push(salience[earlier]!);
      terms.push(terms[earlier]!);
      sentenceRuns.push(sentenceRuns[earlier]);
      continue;
    }
    seen.set(text, index);
    const spans = quotedSpans(text);
    let owned = 0;
    let ran = 0;
    let ascii = true;
    let count = 0;
    let salient = 0;
    let span = 0;
    let at = 0;
    while (at < text.length) {
      const code = text.charCodeAt(at);
      if (isWhitespace(code)) {
        if (code >= 128) ascii = false;
        at++;
        continue;
      }
      const start = at;
      let hash = FNV_OFFSET;
      for (let c = code; ; ) {
        hash = fnvStep(hash, c);
        if (++at >= text.length || isWhitespace((c = text.charCodeAt(at)))) break;
      }
      const facts = wordFacts(text, start, at, hash);
      count++;
      if (facts.error) salient++;
      if (facts.mustKeep) salient++;
      else if (span < spans.length) {
        while (span < spans.length && spans[span]![1] <= start) span++;
        const quoted = spans[span];
        if (quoted && start < quoted[1] && at > quoted[0]) salient++;
      }
      const wordTerms = facts.terms;
      for (let t = 0; t < wordTerms.length; t++) {
        const term = wordTerms[t]!;
        const id = idOf(term);
        if (term.sentence === index) continue;
        term.sentence = index;
        ownScratch[owned++] = id;
      }
      if (!facts.ascii) ascii = false;
      if (ascii) {
        const wordRuns = facts.runs;
        for (let r = 0; r < wordRuns.length; r++) runScratch[ran++] = wordRuns[r]!.id;
      }
    }
    salience.push(Math.min(1, salient / (count + 1)));
    terms.push(ownScratch.slice(0, owned));
    sentenceRuns.push(ascii ? runScratch.slice(0, ran) : undefined);
  }
  return {
    salience,
    terms,
    termCount,
    words: sentenceRuns,
    wordId: (word) => idOf(termOf(word)),
  };
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
