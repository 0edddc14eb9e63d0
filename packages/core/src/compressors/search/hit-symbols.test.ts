import { describe, expect, it } from 'vitest';
import { hitSymbols } from './hit-symbols.js';
import type { SearchHit } from './search-hit.js';

const hit = (index: number, text: string): SearchHit => ({
  index,
  path: 'src/a.java',
  line: index + 1,
  text,
  before: [],
  after: [],
});

describe('hitSymbols', () => {
  it('names what each hit is about: the first name the search pattern does not account for', () => {
    const hits = [
      '      throw new JsonSyntaxException(e);',
      '    throw new IllegalArgumentException("Invalid version: " + version);',
      '  throw new JsonIOException(e);',
      'import com.google.gson.stream.MalformedJsonException;',
      '   * throw new IllegalStateException() when closed',
    ].map((text, i) => hit(i, text));
    // `throw` and `new` are on most lines (the pattern); string literals and comments name nothing.
    expect(hitSymbols(hits)).toEqual([
      'JsonSyntaxException',
      'IllegalArgumentException',
      'JsonIOException',
      'MalformedJsonException',
      '',
    ]);
  });

  it('falls back to the keyword when a line holds only keywords and shared names', () => {
    const hits = [
      'import com.google.gson.TypeAdapterFactory;',
      'public final class Excluder implements TypeAdapterFactory, Cloneable {',
      'private final List<TypeAdapterFactory> factories;',
    ].map((text, i) => hit(i, text));
    expect(hitSymbols(hits)).toEqual(['import', 'Excluder', 'List']);
  });
});
