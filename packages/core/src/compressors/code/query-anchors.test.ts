import { describe, expect, test } from 'vitest';
import {
  containsIdentifier,
  namesDefinition,
  queryAnchors,
  quotesQueryText,
} from './query-anchors.js';

describe('query anchors', () => {
  test('code-shaped names, calls and quoted text become anchors; English words do not', () => {
    const anchors = queryAnchors(
      'Why does `Session.resolve_redirects` raise TooManyRedirects when HTTPAdapter calls send() with "stream=True"?',
    );
    expect(anchors.identifiers).toEqual([
      'resolve_redirects',
      'TooManyRedirects',
      'HTTPAdapter',
      'send',
    ]);
    expect(anchors.phrases).toEqual(['session.resolve_redirects', 'stream=true']);
    expect([...anchors.words]).toEqual(
      expect.arrayContaining(['session', 'raise', 'send', 'resolve_redirects']),
    );
    expect(anchors.words.has('why')).toBe(false);
  });

  test("apostrophes in prose don't open quoted phrases", () => {
    expect(queryAnchors("it doesn't load when the file's empty").phrases).toEqual([]);
  });

  test('a definition is named by its last part, case-insensitively for plain words', () => {
    const anchors = queryAnchors('what does merge_setting do, and where is session used');
    expect(namesDefinition(anchors, 'merge_setting')).toBe(true);
    expect(namesDefinition(anchors, 'requests.Session')).toBe(true);
    expect(namesDefinition(anchors, 'merge_hooks')).toBe(false);
  });

  test('error text pasted into the query finds the format string that produced it', () => {
    const body =
      'raise InvalidHeader(\n    f"Invalid leading whitespace, reserved character(s), or return character(s) in header {name}: {value!r}"\n)';
    const query =
      "requests.exceptions.InvalidHeader: Invalid leading whitespace, reserved character(s), or return character(s) in header X-Trace: ' abc'";
    expect(quotesQueryText(body, queryAnchors(query))).toBe(true);
    expect(quotesQueryText(body, queryAnchors('the header value has a leading space'))).toBe(false);
    expect(
      quotesQueryText(
        'fmt.Errorf("unknown flag: %s", name)',
        queryAnchors('Error: unknown flag: --verbose'),
      ),
    ).toBe(true);
  });

  test('identifiers match whole words only', () => {
    expect(containsIdentifier('self.max_redirects = 30', 'max_redirects')).toBe(true);
    expect(containsIdentifier('self.max_redirects_total = 30', 'max_redirects')).toBe(false);
    expect(containsIdentifier('$scope.apply()', 'scope')).toBe(false);
  });
});
