import { readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { detectContent } from '../detect-content.js';
import { installedPath, readInstalled } from '../../test-utils/package-file.node.js';
import { isJsonPrefix } from './json-prefix.js';
import { jsonConfidence } from './json.js';

interface Recording {
  response: unknown;
}

const scenarioDir = installedPath('@octokit/fixtures', 'scenarios/api.github.com');
const scenarios = readdirSync(scenarioDir).sort();
const recordings = (name: string): Recording[] =>
  JSON.parse(
    readInstalled('@octokit/fixtures', `scenarios/api.github.com/${name}/normalized-fixture.json`),
  ) as Recording[];

describe('json detection on recorded GitHub API responses', () => {
  it.each(scenarios)('%s: every JSON response body, compact and pretty, is json', (name) => {
    const bodies = recordings(name)
      .map((recording) => recording.response)
      .filter((body) => typeof body === 'object' && body !== null);
    for (const body of bodies) {
      expect(detectContent(JSON.stringify(body))).toMatchObject({ kind: 'json', confidence: 1 });
      expect(detectContent(JSON.stringify(body, null, 2)).kind).toBe('json');
    }
  });

  it('the recordings files themselves (arrays of request/response objects) are json', () => {
    for (const name of scenarios) {
      const text = readInstalled(
        '@octokit/fixtures',
        `scenarios/api.github.com/${name}/normalized-fixture.json`,
      );
      expect(detectContent(text).kind, name).toBe('json');
    }
  });

  it('a response that was cut off mid-way is not json', () => {
    const text = JSON.stringify(recordings('search-issues')[0]!.response, null, 2);
    const cut = `${text.slice(0, Math.floor(text.length / 2))}\n}`;
    expect(detectContent(cut).kind).not.toBe('json');
  });
});

describe('json detection guards', () => {
  it('JSON-looking text that does not parse is not json', () => {
    expect(jsonConfidence("{ name: 'headroom', version: 1 }")).toBe(0);
    expect(jsonConfidence('[INFO] server started on port 8080 [ok]')).toBe(0);
    expect(jsonConfidence('{"a": 1}\n{"a": 2}')).toBe(0);
    expect(detectContent("{ name: 'headroom', version: 1 }").kind).not.toBe('json');
  });

  it('a BOM before the brace is refused, as JSON.parse (and so the JSON compressor) refuses it', () => {
    expect(jsonConfidence('\uFEFF{"a":1}')).toBe(0);
  });

  it('10,000-deep nesting is json and does not throw', () => {
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(() => detectContent(deep)).not.toThrow();
    expect(detectContent(deep).kind).toBe('json');
  });

  it('texts over 1 MiB are judged by a validated prefix, without parsing the whole text', () => {
    const items = recordings('paginate-issues').flatMap(
      (recording) => recording.response as unknown[],
    );
    const big = JSON.stringify(Array.from({ length: 40 }, () => items).flat());
    expect(big.length).toBeGreaterThan(1024 * 1024);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      expect(detectContent(big)).toMatchObject({ kind: 'json', confidence: 0.9 });
      expect(detectContent(`[{"id": 1, oops}${big.slice(1)}`).kind).not.toBe('json');
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });
});

describe('isJsonPrefix', () => {
  const text = JSON.stringify({
    title: 'Fix \\"quoted\\" names',
    labels: ['bug', 'p1'],
    count: -12.5e3,
    open: true,
    next: null,
  });

  it('accepts every cut of a valid document', () => {
    for (let limit = 1; limit < text.length; limit++)
      expect(isJsonPrefix(text, 0, limit), text.slice(0, limit)).toBe(true);
    expect(isJsonPrefix(text, 0, text.length)).toBe(true);
  });

  it('rejects grammar errors before the cut and trailing garbage after a complete document', () => {
    expect(isJsonPrefix('{"a" 1}', 0, 100)).toBe(false);
    expect(isJsonPrefix('[1,,2]', 0, 100)).toBe(false);
    expect(isJsonPrefix('{"a":1}}', 0, 100)).toBe(false);
    expect(isJsonPrefix('[tru]', 0, 100)).toBe(false);
    expect(isJsonPrefix('["a\tb"]', 0, 100)).toBe(false);
    expect(isJsonPrefix('[1, 2', 0, 100)).toBe(false);
  });

  it('starts at the given offset', () => {
    expect(isJsonPrefix('   [1, {"b": [2]}]', 3, 100)).toBe(true);
  });
});
