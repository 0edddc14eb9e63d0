import type { CodeLanguage } from '../../types.js';
import type { Sample } from '../sample.js';
import {
  jsxMarkup,
  signatures,
  typescriptOnly,
  type SignatureLanguage,
} from './code-signatures.js';

/** A code verdict: how sure, and in which language. */
export interface CodeGuess {
  confidence: number;
  language: CodeLanguage;
}

const LINE_COMMENT = /^\s*\/\//;
// Rules (`-----`, `=====`) say nothing about code; markdown and changelogs are full of them.
const RULE = /^\s*(?:[=\-*_~#]\s*){3,}$/;
// Lines every brace or indentation language is full of: closers, openers, statement ends, argument lists.
const PUNCTUATION = /^\s*[)}\]]+[;,)]*\s*$|[{;,(:[]\s*$|^\s*[)}\]]/;
const TRAILING_COMMENT = /\s+(?:\/\/|#).*$/;
// A sentence: several words of letters and no code punctuation.
const PROSE = /^[\s>*-]*[A-Za-z][A-Za-z'’,-]*(?:\s+[A-Za-z0-9'’,():-]+){5,}[.?!:]?\s*$/;
const LANGUAGES = Object.keys(signatures) as SignatureLanguage[];

/** How sure we are that the sample is source code, and the language whose line signatures fit best. */
export function codeGuess(sample: Sample): CodeGuess | undefined {
  const scores = new Map<SignatureLanguage, number>(LANGUAGES.map((language) => [language, 0]));
  let counted = 0;
  let codeLines = 0;
  let proseLines = 0;
  let typescriptLines = 0;
  let jsxLines = 0;
  let inBlockComment = false;
  for (const line of sample.nonEmpty) {
    // Comment text is prose in any language; a `*` bullet outside `/* … */` is markdown, not a comment.
    const opens = line.includes('/*');
    if (inBlockComment || opens) {
      inBlockComment = !line.includes('*/', opens ? line.indexOf('/*') + 2 : 0);
      if (/^\s*(?:\/\*|\*)/.test(line) || inBlockComment) continue;
    }
    if (LINE_COMMENT.test(line) || RULE.test(line)) continue;
    counted++;
    let matched = false;
    for (const language of LANGUAGES) {
      let score = 0;
      for (const [pattern, weight] of signatures[language]) if (pattern.test(line)) score += weight;
      if (score > 0) {
        matched = true;
        scores.set(language, scores.get(language)! + Math.min(score, 4));
      }
    }
    if (typescriptOnly.some((pattern) => pattern.test(line))) {
      // An annotation is JavaScript-family evidence too; which of the two is decided at the end.
      typescriptLines++;
      matched = true;
      scores.set('javascript', scores.get('javascript')! + 2);
    }
    if (jsxMarkup.some((pattern) => pattern.test(line))) jsxLines++;
    if (matched || PUNCTUATION.test(line.replace(TRAILING_COMMENT, ''))) codeLines++;
    else if (PROSE.test(line)) proseLines++;
  }
  if (counted === 0) return undefined;
  let best: SignatureLanguage = 'python';
  for (const language of LANGUAGES) if (scores.get(language)! > scores.get(best)!) best = language;
  const score = scores.get(best)!;
  // Either most lines look like code, or the signatures are dense enough that docstrings and data
  // tables between them (which look like neither code nor prose) do not matter.
  const evidence = Math.max(codeLines / counted, Math.min(1, score / counted));
  // A short file needs fewer signatures: a license header and `package x` is still Go.
  if (
    score < Math.min(6, Math.max(3, 1.5 * counted)) ||
    evidence < 0.5 ||
    proseLines / counted > 0.3
  )
    return undefined;
  const confidence = Math.min(1, 0.4 + 0.4 * evidence + 0.01 * score);
  return { confidence, language: refineJavaScript(best, typescriptLines, jsxLines, counted) };
}

// TypeScript is JavaScript plus annotations, so it is told apart by lines only TypeScript writes.
function refineJavaScript(
  language: SignatureLanguage,
  typescriptLines: number,
  jsxLines: number,
  counted: number,
): CodeLanguage {
  if (language !== 'javascript') return language;
  if (typescriptLines < (counted < 30 ? 1 : 2)) return 'javascript';
  return jsxLines >= 2 ? 'tsx' : 'typescript';
}
