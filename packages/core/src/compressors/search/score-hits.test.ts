import { DEFAULT_SEARCH_OPTIONS } from './search-options.js';
import { describe, expect, it } from 'vitest';
import { querySymbols, scoreHits } from './score-hits.js';
import type { SearchHit } from './search-hit.js';

const hit = (index: number, path: string, text: string, before: string[] = []): SearchHit => ({
  index,
  path,
  line: 10 * (index + 1),
  text,
  before: before.map((t, i) => ({ line: 10 * (index + 1) - before.length + i, text: t })),
  after: [],
});

describe('querySymbols', () => {
  it('finds identifiers written as code in a question', () => {
    expect(
      querySymbols(
        'Which call sites throw JsonSyntaxException? Is `parse` or get_adapter or os.path used?',
      ),
    ).toEqual(['parse', 'JsonSyntaxException', 'get_adapter', 'os.path']);
    expect(querySymbols('Where does Gson throw exceptions on malformed JSON?')).toEqual([]);
  });
});

describe('scoreHits', () => {
  const hits = [
    hit(0, 'gson/src/Gson.java', 'throw new JsonSyntaxException(e);', [
      '} catch (MalformedJsonException e) {',
    ]),
    hit(1, 'gson/src/Gson.java', 'throw new IllegalArgumentException("GSON cannot serialize");'),
    hit(2, 'gson/src/JsonElement.java', 'throw new IllegalStateException("Not a JSON Object");'),
    hit(3, 'gson/src/Streams.java', 'throw new JsonIOException(e);'),
  ];

  it('folds plurals and leaves out words every path holds (the project name)', () => {
    const { relevance } = scoreHits(
      hits,
      'Where does Gson throw exceptions when handed malformed JSON?',
    );
    // "malformed" is only in hit 0's context; "gson" is in every path, so GSON in hit 1 does not count.
    expect(relevance[0]).toBeGreaterThan(relevance[1]!);
    expect(relevance[0]).toBe(Math.max(...relevance));
  });

  it('an identifier the query names scores most where it is thrown, less where it is only nearby', () => {
    const { relevance } = scoreHits(
      hits,
      'List the call sites of MalformedJsonException and JsonIOException',
    );
    expect(relevance[3]).toBeGreaterThanOrEqual(1);
    expect(relevance[0]).toBeGreaterThanOrEqual(0.5);
    expect(relevance[2]).toBeLessThan(0.5);
  });

  it('weighs a named identifier by `symbolBonus` and `nearbySymbolBonus`', () => {
    const query = 'List the call sites of MalformedJsonException and JsonIOException';
    const weighted = scoreHits(hits, query, {
      ...DEFAULT_SEARCH_OPTIONS,
      symbolBonus: 10,
      nearbySymbolBonus: 0,
    }).relevance;
    const plain = scoreHits(hits, query).relevance;
    expect(weighted[3]! - plain[3]!).toBeCloseTo(9);
    expect(weighted[0]).toBeLessThan(plain[0]!);
  });

  it('without a query every hit scores 0 and definitions and errors rank on their own', () => {
    const { relevance, intrinsic } = scoreHits(
      [
        hit(0, 'a.py', '    return x'),
        hit(1, 'a.py', 'def compute(x):'),
        hit(2, 'a.py', 'raise ValueError(x)'),
      ],
      '',
    );
    expect(relevance).toEqual([0, 0, 0]);
    expect(intrinsic[0]).toBe(0);
    expect(intrinsic[1]).toBeGreaterThan(0);
    expect(intrinsic[2]).toBeGreaterThan(0);
  });
});
