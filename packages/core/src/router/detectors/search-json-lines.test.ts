import { describe, expect, it } from 'vitest';
import { routingCorpus } from '../__fixtures__/real-samples.node.js';
import { detectContent } from '../detect-content.js';
import { takeSample } from '../sample.js';
import { searchJsonLinesConfidence } from './search-json-lines.js';

const corpus = routingCorpus();
const text = (file: string): string => corpus.find((entry) => entry.file === file)!.text;

describe('searchJsonLinesConfidence', () => {
  it('rg --json output is search, also when its head is cut mid-line', () => {
    const rg = text('rg-json.jsonl');
    expect(searchJsonLinesConfidence(takeSample(rg))).toBeGreaterThanOrEqual(0.6);
    expect(detectContent(rg).kind).toBe('search');
    expect(detectContent(rg.slice(0, 5000)).kind).toBe('search');
  });

  it('one hit object per line under other field names is search', () => {
    const hits = Array.from({ length: 12 }, (_, i) =>
      JSON.stringify({ file: `src/m${i % 3}.ts`, lineNumber: 10 + i, content: `call(${i})` }),
    );
    expect(detectContent(hits.join('\n')).kind).toBe('search');
  });

  it('JSON-lines logs are not search, even when each event names its source file and line', () => {
    expect(searchJsonLinesConfidence(takeSample(text('json-lines.log')))).toBe(0);
    const events = Array.from({ length: 12 }, (_, i) =>
      JSON.stringify({
        time: `2026-11-30T10:00:${String(i).padStart(2, '0')}Z`,
        file: 'server.go',
        line: 40 + i,
        text: 'request served',
      }),
    );
    expect(searchJsonLinesConfidence(takeSample(events.join('\n')))).toBe(0);
  });

  it('only rg begin/end records, or a line that is not JSON, is not search', () => {
    const begins = text('rg-json.jsonl')
      .split('\n')
      .filter((l) => l.startsWith('{"type":"begin"') || l.startsWith('{"type":"end"'));
    expect(searchJsonLinesConfidence(takeSample(begins.join('\n')))).toBe(0);
    const lines = text('rg-json.jsonl').split('\n').slice(0, 20);
    const mixed = [...lines.slice(0, 10), 'plain text line', ...lines.slice(10)].join('\n');
    expect(searchJsonLinesConfidence(takeSample(mixed))).toBe(0);
  });
});
