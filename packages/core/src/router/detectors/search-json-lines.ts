import type { Sample } from '../sample.js';
import { isRecord } from '../../util/is-record.js';
import { LINE_KEYS, PATH_KEYS, TEXT_KEYS } from './search-keys.js';

const PATH = new Set(PATH_KEYS);
const LINE = new Set(LINE_KEYS);
const TEXT = new Set(TEXT_KEYS.filter((key) => !LINE.has(key)));
/** A record with one of these is a log event that names its source line, not a search hit. */
const TIME_KEY = /^(?:@?timestamp|time|ts|datetime|level|severity|levelname)$/i;
/** Share of records that must be hits: `rg --json` adds a begin and an end record per file. */
const MIN_HIT_SHARE = 0.25;
const MIN_HITS = 2;

/**
 * How sure we are that a text is search hits printed as JSON lines (`rg --json`, MCP tools that print
 * one hit object per line): every sampled line is a JSON object, and at least a quarter of them carry
 * a path, a line number and a text, directly or in their one object field (rg's `data`). Records with a
 * time or level field make it a JSON log instead.
 */
export function searchJsonLinesConfidence(sample: Sample): number {
  // The head's own lines: the sample's are cut at 2,000 chars, and a cut JSON line does not parse.
  const lines = sample.head.split('\n').filter((line) => line.trim() !== '');
  if (sample.head.length < sample.text.length) lines.pop();
  if (lines.length < MIN_HITS || !lines[0]!.trimStart().startsWith('{')) return 0;
  let hits = 0;
  for (const [i, line] of lines.entries()) {
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      // Output cut at a size limit ends mid-record.
      if (i === lines.length - 1 && i > 0) continue;
      return 0;
    }
    if (!isRecord(record)) return 0;
    if (Object.keys(record).some((key) => TIME_KEY.test(key))) return 0;
    const inner = Object.values(record).filter(isRecord);
    if (isHit(record) || (inner.length === 1 && isHit(inner[0]!))) hits++;
  }
  return hits >= MIN_HITS && hits >= lines.length * MIN_HIT_SHARE ? 0.8 : 0;
}

function isHit(record: Record<string, unknown>): boolean {
  const keys = Object.keys(record);
  return (
    keys.some((k) => PATH.has(k)) &&
    keys.some((k) => LINE.has(k) && typeof record[k] === 'number') &&
    keys.some((k) => TEXT.has(k))
  );
}
