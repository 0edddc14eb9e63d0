import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { relevanceTerms } from '../../relevance/tokenize.js';
import { installedPath } from '../../test-utils/package-file.node.js';
import { mustKeepWordIndices, splitWords } from './must-keep.js';
import { sentenceText, splitSentences } from './sentences.js';
import { sentenceWords } from './sentence-words.js';

/** The definitions sentenceWords computes in one pass: word objects, must-keep indices, relevance terms. */
function byDefinition(texts: readonly string[]) {
  const terms = new Map<string, number>();
  return texts.map((text) => {
    const words = splitWords(text);
    const errors = words.filter((w) =>
      /^(?:error|errors|exception|failed|failure|fail|fatal|warning|traceback|panic|timeout|denied|deprecated|breaking)$/.test(
        w.text.toLowerCase().replace(/[^a-z]/g, ''),
      ),
    ).length;
    const salience = Math.min(
      1,
      (mustKeepWordIndices(text, words).size + errors) / (words.length + 1),
    );
    const distinct = [...new Set(relevanceTerms(text))].map((term) => {
      if (!terms.has(term)) terms.set(term, terms.size);
      return terms.get(term)!;
    });
    return { salience, distinct };
  });
}

function expectDefinition(texts: readonly string[]): void {
  const { salience, terms, termCount } = sentenceWords(texts);
  const expected = byDefinition(texts);
  expect(salience).toEqual(expected.map((e) => e.salience));
  expect(terms).toEqual(expected.map((e) => e.distinct));
  expect(termCount).toBe(new Set(texts.flatMap((t) => relevanceTerms(t))).size);
  // Shingle words: the lowercased [A-Za-z0-9_] runs of an ASCII sentence, in order, with the shared ids; none otherwise.
  const { words, wordId } = sentenceWords(texts);
  expect(words).toEqual(
    texts.map((text) =>
      /[^\x00-\x7f]/.test(text)
        ? undefined
        : (text.toLowerCase().match(/[a-z0-9_]+/g) ?? []).map(wordId),
    ),
  );
}

describe('sentenceWords', () => {
  it('matches the word, must-keep and term definitions on a real README', () => {
    const readme = readFileSync(installedPath('web-tree-sitter', 'README.md'), 'utf8');
    const texts = splitSentences(readme).map((s) => sentenceText(readme, s));
    expect(texts.length).toBeGreaterThan(50);
    expectDefinition(texts);
  });

  it('splits on every JavaScript whitespace and keeps quoted, non-ASCII and error words exact', () => {
    expectDefinition([
      'FAILED:\u00a0getUserById\u2003returned "not found"\u3000for user_id=42.',
      'İnstall the \u212Aelvin package; it fail-ed with a Dep\u0130recated warning!',
      // Lowercasing makes these error words: FAİL is fail, BREAKING with a Kelvin sign is breaking.
      'FA\u0130L and BREA\u212AING, not FAILINGS or timeouts.',
      "don't quote 'this one' but `run --force` twice\ufeffplease\u2028now",
      'snake_case and HTTPServer and XMLHttpRequest parts: ABCDef x_Y __init__.',
      'FAILED:\u00a0getUserById\u2003returned "not found"\u3000for user_id=42.',
      '日本語 café naïve 😀 Über — no ASCII terms here',
      '',
    ]);
  });

  it('numbers terms per call when word facts come from an earlier call', () => {
    const first = ['Run `npm install --save-dev` twice.', 'The timeout FAILED at port 8080.'];
    expectDefinition(first);
    // Same words in another order: cached facts, but term ids follow this call's first appearances.
    expectDefinition([...first].reverse());
    expectDefinition(['Unrelated words first, then: the timeout FAILED at port 8080.']);
  });
});
