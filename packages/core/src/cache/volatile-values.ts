/** Kinds of values that change from call to call and so break a provider's prompt-prefix cache. */
export type VolatileKind =
  | 'timestamp'
  | 'date'
  | 'time'
  | 'epoch'
  | 'uuid'
  | 'jwt'
  | 'hash'
  | 'request_id'
  | 'counter';

/** One volatile value found in a text, with its UTF-16 offsets. */
export interface VolatileValue {
  kind: VolatileKind;
  value: string;
  start: number;
  end: number;
}

interface Detector {
  kind: VolatileKind;
  pattern: RegExp;
  /** When set, the value is the last capture group (it always ends the match), not the whole match. */
  captured?: boolean;
  accept?: (value: string) => boolean;
}

const month = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
const weekday = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\\s+';
const isoDate = '\\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\\d|3[01])';
const zone = '(?:Z|UTC|GMT|[+-](?:[01]\\d|2[0-3]):?[0-5]\\d)';
const clock = '(?:[01]?\\d|2[0-3]):[0-5]\\d';
const hasDigit = (value: string): boolean => /\d/.test(value);

// Order matters only for ties: at the same start, the longer match wins, then the earlier detector.
const detectors: Detector[] = [
  { kind: 'jwt', pattern: /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}/g },
  {
    kind: 'uuid',
    pattern: /\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b/g,
  },
  {
    kind: 'timestamp',
    pattern: new RegExp(
      `\\b${isoDate}[T ]${clock}(?::[0-5]\\d(?:[.,]\\d{1,9})?)?(?:\\s?${zone})?(?![\\d:])`,
      'g',
    ),
  },
  // asctime `Sun Dec 04 04:47:44 2005` and syslog `Jun 14 15:16:01` stamps.
  {
    kind: 'timestamp',
    pattern: new RegExp(`\\b${weekday}${month}\\s+\\d{1,2}\\s+${clock}:[0-5]\\d\\s+\\d{4}\\b`, 'g'),
  },
  {
    kind: 'timestamp',
    pattern: new RegExp(`\\b${month}\\s+\\d{1,2}\\s+${clock}:[0-5]\\d(?![\\d:])`, 'g'),
  },
  // RFC 2822 / HTTP dates: `Tue, 25 Nov 2026 10:42:13 GMT`.
  {
    kind: 'timestamp',
    pattern: new RegExp(
      `\\b${weekday}\\d{1,2}\\s+${month}\\s+\\d{4}\\s+${clock}(?::[0-5]\\d)?(?:\\s?${zone})?`,
      'g',
    ),
  },
  { kind: 'date', pattern: new RegExp(`\\b${isoDate}\\b`, 'g') },
  {
    kind: 'date',
    pattern: new RegExp(
      `\\b(?:${weekday})?${month}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}\\b`,
      'g',
    ),
  },
  {
    kind: 'date',
    pattern: new RegExp(
      `\\b(?:${weekday})?\\d{1,2}(?:st|nd|rd|th)?\\s+${month},?\\s+\\d{4}\\b`,
      'g',
    ),
  },
  {
    kind: 'time',
    pattern: new RegExp(
      `\\b${clock}:[0-5]\\d(?:\\.\\d{1,9})?(?:\\s?(?:${zone}|[AaPp]\\.?[Mm]\\.?))?(?![\\d:])`,
      'g',
    ),
  },
  {
    kind: 'time',
    pattern: new RegExp(`\\b${clock}\\s?(?:[AaPp]\\.?[Mm]\\b\\.?|UTC\\b|GMT\\b)`, 'g'),
  },
  {
    kind: 'epoch',
    pattern: /\b(?:timestamp|epoch|ts|time|now)["']?\s*[:=]\s*["']?(1[5-9]\d{8}(?:\d{3})?)\b/gi,
    captured: true,
  },
  {
    kind: 'request_id',
    pattern:
      /\b(?:request|req|trace|span|session|sess|correlation|conversation|conv|run|call|message|msg|invocation|execution|job)[ _-]?id\b["']?\s*(?:[:=#]\s*)?["']?([A-Za-z0-9][A-Za-z0-9._:-]{4,}[A-Za-z0-9])/gi,
    captured: true,
    accept: hasDigit,
  },
  {
    kind: 'request_id',
    pattern:
      /\b(?:req|request|trace|sess|session|run|conv|msg|chatcmpl|call|toolu|evt|txn|job)[_-][A-Za-z0-9]{8,}\b/g,
    accept: hasDigit,
  },
  // Long hex runs with both digits and letters: content hashes, commit ids, cache keys.
  { kind: 'hash', pattern: /\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{16,}\b/g },
  { kind: 'hash', pattern: /\b(?=[0-9A-F]*[A-F])(?=[0-9A-F]*\d)[0-9A-F]{16,}\b/g },
  {
    kind: 'counter',
    pattern:
      /\b(?:turn|request|iteration|attempt|round|step|call|message|run|cycle|tick)\s*(?:#|no\.|number)\s*\d+\b/gi,
  },
  { kind: 'counter', pattern: /\b(?:turn|iteration|attempt|round)\s+\d+\b/gi },
  { kind: 'counter', pattern: /\b(?:count|counter|seq|sequence|nonce)\s*[:=]\s*\d+\b/gi },
];

/**
 * Finds values in a system prompt or tool definition that change between calls (dates, times,
 * ids, hashes, counters). Non-overlapping, in text order; deterministic for the same text.
 */
export function findVolatileValues(text: string): VolatileValue[] {
  const found: Array<VolatileValue & { rank: number }> = [];
  detectors.forEach((detector, rank) => {
    for (const match of text.matchAll(detector.pattern)) {
      const value = detector.captured ? (match[match.length - 1] ?? '') : match[0];
      if (!value || (detector.accept && !detector.accept(value))) continue;
      const end = (match.index ?? 0) + match[0].length;
      found.push({ kind: detector.kind, value, start: end - value.length, end, rank });
    }
  });
  found.sort((a, b) => a.start - b.start || b.end - a.end || a.rank - b.rank);
  const out: VolatileValue[] = [];
  let covered = 0;
  for (const { rank: _rank, ...value } of found) {
    if (value.start < covered) continue;
    out.push(value);
    covered = value.end;
  }
  return out;
}
