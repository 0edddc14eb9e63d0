import { describe, expect, test } from 'vitest';
import { applyEdits, type Edit } from './edits.js';
import { outputLengths, type Alternative } from './output-lengths.js';

const source = 'int a(int x) {\n  return x + 1;\n}\nint b() {\n  return 2;\n}\n// note\nint c;\n';
const bodyA = { start: 13, end: 32 };
const bodyB = { start: 41, end: 56 };

/** `a` and `b` as a placeholder or as their declaration, and the comment trimmed. */
const alternatives: Alternative[] = [
  {
    placeholder: { ...bodyA, text: '{ /* lines 1-3 omitted */ }' },
    declaration: { start: 12, end: bodyA.end, text: ';' },
  },
  {
    placeholder: { ...bodyB, text: '{ /* lines 4-6 omitted */ }' },
    declaration: { start: 40, end: bodyB.end, text: ';' },
  },
];
const fixed: Edit[] = [{ start: 57, end: 64, text: '//' }];
const marker = (omitted: boolean) => (omitted ? 30 : 14);

/** The rendered length with the alternatives in `declared` cut to declarations. */
function rendered(declared: readonly boolean[]): number {
  const edits = alternatives.map((alt, i) => (declared[i] ? alt.declaration : alt.placeholder));
  return applyEdits(source, [...fixed, ...edits]).length + marker(declared.some(Boolean));
}

describe('outputLengths', () => {
  test('gives the first try and the shortest of every subset cut to declarations', () => {
    expect(source.slice(bodyA.start, bodyA.end)).toBe('{\n  return x + 1;\n}');
    expect(source.slice(bodyB.start, bodyB.end)).toBe('{\n  return 2;\n}');
    const subsets = [
      [false, false],
      [true, false],
      [false, true],
      [true, true],
    ];
    const lengths = outputLengths(source.length, fixed, alternatives, marker);
    expect(lengths).toEqual({
      all: rendered([true, true]),
      least: Math.min(...subsets.map(rendered)),
    });
  });

  test('counts the note a declaration adds: one declaration that saves less may not pay for it', () => {
    const one = [alternatives[0] as Alternative];
    const costly = (omitted: boolean) => (omitted ? 100 : 14);
    const lengths = outputLengths(source.length, fixed, one, costly);
    const plain = applyEdits(source, [...fixed, one[0]!.placeholder]).length + 14;
    expect(lengths?.least).toBe(plain);
    expect(lengths?.all).toBeGreaterThan(plain);
  });

  test('without alternatives both lengths are the one rendering', () => {
    const length = applyEdits(source, fixed).length + 14;
    expect(outputLengths(source.length, fixed, [], marker)).toEqual({ all: length, least: length });
  });

  test('edits that overlap (one would be skipped) give no lengths', () => {
    // The comment edit starts inside b's declaration span.
    const overlapping: Edit[] = [{ start: 45, end: 64, text: '' }];
    expect(outputLengths(source.length, overlapping, alternatives, marker)).toBeUndefined();
  });
});
