import type { UnitSplitter } from '../../types.js';

/** One sentence (or heading, or fenced code block) of prose and where it sits. */
export interface Sentence {
  /** Offsets into the text; a flow's first sentence starts at the line start, so indentation and bullets stay with it. */
  start: number;
  end: number;
  /**
   * The run of lines the sentence belongs to: hard-wrapped prose lines (or quoted lines) flow together, while
   * headings, list items and table rows start a new flow. Blank lines separate paragraphs.
   */
  flow: number;
  paragraph: number;
  /** Markdown headings and fenced code blocks are kept or dropped whole and never split. */
  kind: 'sentence' | 'heading' | 'code';
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}#{1,6}\s/;
/** Lines that start something of their own rather than continue a wrapped line: list items, table rows. */
const BLOCK_START = /^\s*(>\s*)*([-*+]\s|\d{1,3}[.)]\s|\|)/;
const QUOTE = /^\s*>/;
/** Wrapped prose: a line this long that is followed by a plain line continues into it. */
const WRAP_WIDTH = 40;
/** Columns aligned with runs of spaces or a tab (`git log --stat`, `ps`, `ls -l`): each line is a row, not wrapped prose. */
const ALIGNED = /\S(?: {3,}|\t)\S/;
// A sentence ends at . ! or ? (plus closing quotes/brackets) followed by whitespace and a likely sentence start.
// Only from the first mark of a run: a match inside one would end where the whole run's does, and trying each
// mark of a run that ends no sentence made a page of dots quadratic (20k dots: 3 s).
const BOUNDARY = /(?<![.!?])[.!?]+["')\]]*\s+(?=(?:>\s*)*["'([`*]?[A-Z0-9])/g;
// Words after which a period does not end a sentence.
const NO_BREAK_BEFORE =
  /(?:\b(?:e\.g|i\.e|etc|vs|cf|al|approx|Mr|Mrs|Ms|Dr|Prof|St|No|Fig|Inc|Ltd|Jr|Sr)|\b[A-Z])\.$/;

/** Splits prose into sentences, keeping line and paragraph structure so kept sentences can be re-joined faithfully. */
export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  const lines = text.split('\n');
  let offset = 0;
  let paragraph = 0;
  let flow = -1;
  let blankBefore = false;
  let fence: { marker: string; start: number } | undefined;
  // The open run of prose lines: where it starts and ends, and whether the next line may join it.
  let open: { start: number; end: number; joinable: boolean; quote: boolean } | undefined;
  const close = () => {
    if (!open) return;
    for (const [start, end] of sentenceSpans(text.slice(open.start, open.end))) {
      sentences.push({
        start: open.start + start,
        end: open.start + end,
        flow,
        paragraph,
        kind: 'sentence',
      });
    }
    open = undefined;
  };
  for (const line of lines) {
    const lineStart = offset;
    const lineEnd = lineStart + line.trimEnd().length;
    offset += line.length + 1;
    if (fence) {
      if (line.trimStart().startsWith(fence.marker)) {
        sentences.push({ start: fence.start, end: lineEnd, flow, paragraph, kind: 'code' });
        fence = undefined;
      }
      continue;
    }
    const quote = QUOTE.test(line);
    // A bare `>` separates paragraphs inside a quote, as a blank line does outside one.
    if (line.trim() === '' || (quote && /^\s*>[\s>]*$/.test(line))) {
      close();
      blankBefore = true;
      continue;
    }
    if (blankBefore && sentences.length > 0) paragraph += 1;
    blankBefore = false;
    const opening = FENCE.exec(line);
    const heading = HEADING.test(line);
    const aligned = ALIGNED.test(line);
    if (
      open?.joinable &&
      open.quote === quote &&
      !opening &&
      !heading &&
      !aligned &&
      !BLOCK_START.test(line)
    ) {
      open.end = lineEnd;
      open.joinable = line.trim().length >= WRAP_WIDTH;
      continue;
    }
    close();
    flow += 1;
    if (opening) fence = { marker: opening[1]!, start: lineStart };
    else if (heading)
      sentences.push({ start: lineStart, end: lineEnd, flow, paragraph, kind: 'heading' });
    else
      open = {
        start: lineStart,
        end: lineEnd,
        joinable: line.trim().length >= WRAP_WIDTH && !aligned,
        quote,
      };
  }
  close();
  // An unclosed fence runs to the end of the text.
  if (fence)
    sentences.push({
      start: fence.start,
      end: text.trimEnd().length,
      flow,
      paragraph,
      kind: 'code',
    });
  return sentences;
}

/** Sentence spans within one flow of lines; the first starts at 0 to keep the line's indentation. */
function sentenceSpans(flowText: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (const match of flowText.matchAll(BOUNDARY)) {
    const punctuationEnd = match.index + match[0].trimEnd().length;
    if (NO_BREAK_BEFORE.test(flowText.slice(Math.max(start, match.index - 8), match.index + 1)))
      continue;
    // "1." of a numbered list or "..." alone is not a sentence.
    if (!/\p{L}/u.test(flowText.slice(start, punctuationEnd))) continue;
    spans.push([start, punctuationEnd]);
    start = match.index + match[0].length;
  }
  const end = flowText.trimEnd().length;
  if (end > start) spans.push([start, end]);
  return spans;
}

/** The text of a sentence without the indentation it carries. */
export function sentenceText(text: string, sentence: Sentence): string {
  return text.slice(sentence.start, sentence.end).trim();
}

/** Retrieval units for stored prose: its sentences, so a query returns the sentences that match. */
export const sentenceUnits: UnitSplitter = (original) =>
  splitSentences(original).map((s) => sentenceText(original, s));
