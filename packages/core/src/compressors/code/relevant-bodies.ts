import type { BodyCandidate } from './outline.js';
import {
  containsIdentifier,
  namesDefinition,
  quotesQueryText,
  type QueryAnchors,
} from './query-anchors.js';

/**
 * Indices of the bodies the query is about: the functions it names, and bodies that use an
 * identifier or quoted text from it or raise the error text pasted into it. An anchor found in
 * more than a fifth of the bodies (at least 3) says nothing about which one matters and is ignored.
 */
export function relevantBodies(
  source: string,
  bodies: readonly BodyCandidate[],
  anchors: QueryAnchors,
): Set<number> {
  const relevant = new Set<number>();
  const texts = bodies.map((body) => source.slice(body.start, body.end));
  bodies.forEach((body, index) => {
    if (body.name && namesDefinition(anchors, body.name)) relevant.add(index);
  });
  const cap = Math.max(3, Math.ceil(bodies.length / 5));
  const tests: Array<(text: string) => boolean> = [
    ...anchors.identifiers.map(
      (identifier) => (text: string) => containsIdentifier(text, identifier),
    ),
    ...anchors.phrases.map((phrase) => (text: string) => text.toLowerCase().includes(phrase)),
    (text: string) => quotesQueryText(text, anchors),
  ];
  for (const test of tests) {
    const matches = texts.flatMap((text, index) => (test(text) ? [index] : []));
    if (matches.length <= cap) for (const index of matches) relevant.add(index);
  }
  return relevant;
}
