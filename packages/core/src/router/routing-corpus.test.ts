import { describe, expect, it } from 'vitest';
import { detectContent } from './detect-content.js';
import { routingCorpus } from './__fixtures__/real-samples.node.js';

const corpus = routingCorpus();

describe('routing corpus: logs from other programs and formats, and non-log controls', () => {
  it('holds logs of many sources and controls of each other kind', () => {
    expect(corpus.filter((entry) => entry.expected === 'log').length).toBeGreaterThanOrEqual(30);
    expect(new Set(corpus.map((entry) => entry.expected))).toEqual(
      new Set(['diff', 'log', 'search', 'table', 'text']),
    );
  });

  it.each(corpus.map((entry) => [entry.file, entry] as const))(
    '%s routes as expected, with every kind scored',
    (_file, entry) => {
      const detection = detectContent(entry.text);
      expect(detection.kind, `${entry.origin}: ${JSON.stringify(detection.scores)}`).toBe(
        entry.expected,
      );
      // A JSON document is judged as JSON first, then as code-search hits or not.
      const judged = entry.file.endsWith('.json')
        ? ['json', 'search']
        : ['code', 'diff', 'html', 'log', 'search', 'table', 'text'];
      expect(Object.keys(detection.scores ?? {}).sort()).toEqual(judged);
    },
  );

  it.each(
    corpus.filter((entry) => entry.expected === 'log').map((entry) => [entry.file, entry] as const),
  )('%s: its first 30 lines alone are a log too', (_file, entry) => {
    expect(detectContent(entry.text.split('\n').slice(0, 30).join('\n')).kind).toBe('log');
  });
});
