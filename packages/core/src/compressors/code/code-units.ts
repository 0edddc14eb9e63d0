import type { UnitSplitter } from '../../types.js';
import type { CodeLanguage } from '../../types.js';
import type { Grammars } from './grammars.js';
import { sourceParser } from './tree-sitter-parser.js';
import { languageSpecs } from './languages.js';
import { numberedLines, parseNumbered } from './line-numbers.js';
import { lastPart, namesDefinition, queryAnchors } from './query-anchors.js';
import { splitUnits, type Range, type SplitFile } from './split-units.js';

/**
 * Retrieval units of stored code: top-level and class-level definitions. A query that quotes the
 * code, or consists of definition names, gets what it points at as one unit — BM25 alone would
 * rank a long function below the short places that call it. Unparseable code falls back to
 * blank-line paragraphs.
 */
export function codeUnits(grammars: Grammars): UnitSplitter {
  return async (original, meta, query) => {
    const language: CodeLanguage | undefined = meta.language;
    const parse = language
      ? await grammars.parser(language).then(
          (parser) => sourceParser(parser, languageSpecs[language]),
          () => undefined,
        )
      : undefined;
    const numbered = parseNumbered(original);
    const code = numbered?.code ?? original;
    const tree = parse?.(code);
    if (!language || !tree) return paragraphs(original);
    let split: SplitFile;
    try {
      split = splitUnits(tree.rootNode, code, languageSpecs[language]);
    } finally {
      tree.delete();
    }
    // What the model saw: numbered code comes back as the whole numbered lines a unit spans.
    const textOf = numbered
      ? numberedLines(original, code)
      : (range: Range) => code.slice(range.start, range.end);
    const pointed = query ? pointedAt(split, code, query) : [];
    return pointed.length > 0 ? [pointed.map(textOf).join('\n')] : split.units.map(textOf);
  };
}

/** The units quoting `query` (a line of code) verbatim, else the definitions it names when it is nothing but names. */
function pointedAt(split: SplitFile, code: string, query: string): Range[] {
  const needle = query.trim();
  // A line of code, not a bare name (a name is quoted by every call site too).
  if (needle.length >= 8 && /[^\w$]/.test(needle)) {
    const quoting = split.units.filter((unit) => code.slice(unit.start, unit.end).includes(needle));
    if (quoting.length > 0) return quoting;
  }
  const anchors = queryAnchors(query);
  const named = split.definitions.filter((definition) => namesDefinition(anchors, definition.name));
  const names = new Set(named.map((definition) => lastPart(definition.name).toLowerCase()));
  if (anchors.words.size === 0 || ![...anchors.words].every((word) => names.has(word))) return [];
  // A named method inside a named class comes with the class.
  return named.filter(
    (inner) =>
      !named.some(
        (outer) => outer !== inner && outer.start <= inner.start && inner.end <= outer.end,
      ),
  );
}

function paragraphs(text: string): string[] {
  return text.split(/\n[ \t]*\n/).filter((part) => part.trim() !== '');
}
