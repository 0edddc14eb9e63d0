import type { FieldStats } from './field-stats.js';

/** Fields with a known meaning: they steer templates, anomaly checks and ranking. */
export interface FieldRoles {
  /** Fields that name the item (ids, hashes, per-item URLs): left out of templates and statistics. */
  ids: Set<string>;
  /** Timestamps and dates: left out of templates and anomaly checks. */
  times: Set<string>;
  /** Numbers that label rather than measure (pid, port, line, sequence): no anomaly checks. */
  labels: Set<string>;
  /** A relevance score (higher is better): marks search-like arrays. */
  score?: string;
}

const ID_NAME =
  /(?:^|[._-])(?:id|uuid|guid|key|sha|hash|digest|etag|url|uri|href|link)$|(?:Id|Uuid|Url|Key)$/i;
const TIME_NAME = /(?:^|[._-])(?:time|date|datetime|timestamp|ts|created|updated|modified|at|on)$/i;
const TIME_SUFFIX = /[a-z](?:At|On|Time|Date|Timestamp)$/;

function isTimeName(name: string): boolean {
  return TIME_NAME.test(name) || TIME_SUFFIX.test(name);
}
const LABEL_NAME =
  /(?:^|[._-])(?:pid|ppid|tid|uid|gid|port|thread|line|lineno|line_number|offset|index|idx|seq|sequence|number|num|no|version|year|code)$|(?:Number|Index|Port)$/i;
const SCORE_NAME = /(?:^|[._-])(?:score|relevance|similarity|confidence|probability)$|Score$/i;
const ID_VALUE =
  /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{16,}|(?=[^\d]*\d)[A-Za-z0-9+/_-]{16,}={0,2})$/i;
const DATE_VALUE =
  /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?|^[A-Z][a-z]{2},? \d{1,2} [A-Z][a-z]{2} \d{4}|^\d{2}\/[A-Z][a-z]{2}\/\d{4}/;

function isMonotonic(numbers: ReadonlyArray<number | undefined>): boolean {
  let previous = -Infinity;
  for (const x of numbers) {
    if (x === undefined) continue;
    if (x < previous) return false;
    previous = x;
  }
  return true;
}

function inEpochRange(stats: FieldStats): boolean {
  let min = Infinity;
  let max = -Infinity;
  for (const x of stats.numbers) {
    if (x === undefined) continue;
    min = Math.min(min, x);
    max = Math.max(max, x);
  }
  return (min >= 1e9 && max <= 2e9) || (min >= 1e12 && max <= 2e12);
}

/** Finds id, time, label and score fields among an array's field statistics (n = item count). */
export function fieldRoles(stats: readonly FieldStats[], n: number): FieldRoles {
  const roles: FieldRoles = { ids: new Set(), times: new Set(), labels: new Set() };
  for (const field of stats) {
    const mostly = field.present >= n * 0.8;
    const leafName = field.path.slice(field.path.lastIndexOf('.') + 1);
    const samples = field.kind === 'string' ? field.firstStrings(10) : [];
    const dateLike =
      samples.length > 0 && samples.filter((s) => DATE_VALUE.test(s)).length >= samples.length / 2;
    if (
      dateLike ||
      (field.kind === 'number' &&
        inEpochRange(field) &&
        (isTimeName(leafName) || isMonotonic(field.numbers)))
    ) {
      roles.times.add(field.path);
      continue;
    }
    if (field.kind === 'string' && isTimeName(leafName)) {
      roles.times.add(field.path);
      continue;
    }
    const unique = field.uniqueRatio >= 0.9 && field.present > 1;
    const idValues = samples.length > 0 && samples.every((s) => ID_VALUE.test(s));
    if (
      unique &&
      (ID_NAME.test(leafName) ||
        idValues ||
        (field.kind === 'number' &&
          field.uniqueRatio === 1 &&
          mostly &&
          isMonotonic(field.numbers)))
    ) {
      roles.ids.add(field.path);
      continue;
    }
    if (field.kind === 'number' && LABEL_NAME.test(leafName)) roles.labels.add(field.path);
    else if (!roles.score && field.kind === 'number' && mostly && SCORE_NAME.test(leafName))
      roles.score = field.path;
  }
  return roles;
}
