import type { Probe, ProbeKind } from './probe.js';

/** Words that mark an error or a failure in a log line, message or code line. */
const ERROR_WORDS =
  /\b(error|errors|exception|fail|failed|failure|fatal|panic|timeout|timed out|denied|refused|unreachable|aborted)\b/i;
/** The same inside identifiers: `JsonSyntaxException`, `ConnectTimeout`, `io::ErrorKind`. */
const ERROR_IDENTIFIER = /[a-z](Error|Errors|Exception|Failure|Timeout|Panic)(?![a-z])/;

function isErrorWorded(text: string): boolean {
  return ERROR_WORDS.test(text) || ERROR_IDENTIFIER.test(text);
}
/** Level-like values that make a record an error/warning record, whatever its message says. */
const BAD_LEVEL = /^(error|fatal|critical|severe|warn|warning|failed|failure)$/i;

const ARTIFACTS: RegExp[] = [
  /https?:\/\/[^\s"'<>\\]+/g, // URLs
  /(?:[\w.-]+\/)+[\w.-]+\.[A-Za-z]\w{0,9}\b/g, // file paths with an extension
  /\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,64}\b/g, // hex hashes
  /\b[a-z]+_-?\d{6,}(?:_[a-z0-9]+)*\b/g, // ids like job_1445144423722_0020, blk_-6952295868487656571
  /\b\d{1,3}(?:\.\d{1,3}){3}(?::\d{2,5})?\b/g, // IPv4 addresses, with port
];

/** Options for {@link extractProbes}. */
export interface ExtractOptions {
  /** Most probes kept per kind (an even spread over what was found, so the run stays fast). Default 300. */
  perKind?: number;
}

/** Probes found in one tool output, with how many of each kind there were before sampling. */
export interface Extracted {
  probes: Probe[];
  found: Record<Exclude<ProbeKind, 'focus'>, number>;
}

/**
 * Extracts probes from an original tool output: numbers with their keys (only values that occur once,
 * so finding one later means finding that one), paths/URLs/hashes/ids/addresses, and error lines
 * (error-worded strings, messages of WARN/ERROR records, error-worded lines of plain text).
 */
export function extractProbes(
  output: string,
  step: number,
  options: ExtractOptions = {},
): Extracted {
  const perKind = options.perKind ?? 300;
  const parsed = parseJson(output);
  const numbers = parsed === undefined ? [] : numberProbes(parsed, output, step);
  const artifacts = artifactProbes(output, step);
  const errors =
    parsed === undefined ? textErrorProbes(output, step) : jsonErrorProbes(parsed, step);
  return {
    probes: [
      ...spread(numbers, perKind),
      ...spread(artifacts, perKind),
      ...spread(errors, perKind),
    ],
    found: { number: numbers.length, artifact: artifacts.length, error: errors.length },
  };
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
}

function walk(
  value: unknown,
  visit: (key: string, value: unknown, parent: Record<string, unknown>) => void,
): void {
  if (Array.isArray(value)) {
    for (const item of value) walk(item, visit);
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const [key, child] of Object.entries(record)) {
      visit(key, child, record);
      walk(child, visit);
    }
  }
}

function numberProbes(parsed: unknown, text: string, step: number): Probe[] {
  const occurrences = new Map<string, number>();
  for (const m of text.matchAll(/(?<![\w.-])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w.])/g)) {
    occurrences.set(m[0], (occurrences.get(m[0]) ?? 0) + 1);
  }
  const probes: Probe[] = [];
  walk(parsed, (key, value) => {
    if (typeof value !== 'number') return;
    const needle = String(value);
    if (needle.replace('-', '').length >= 3 && occurrences.get(needle) === 1)
      probes.push({ kind: 'number', step, needle, key });
  });
  return probes;
}

function artifactProbes(text: string, step: number): Probe[] {
  const seen = new Set<string>();
  let rest = text;
  for (const pattern of ARTIFACTS) {
    for (const m of rest.matchAll(pattern)) seen.add(m[0].replace(/[.,;:)\]}]+$/, ''));
    // A path inside a URL is already covered by the URL.
    rest = rest.replace(pattern, ' ');
  }
  return [...seen]
    .filter((needle) => needle.length >= 7)
    .map((needle) => ({ kind: 'artifact' as const, step, needle }));
}

function jsonErrorProbes(parsed: unknown, step: number): Probe[] {
  const seen = new Set<string>();
  walk(parsed, (key, value, parent) => {
    if (typeof value !== 'string') return;
    if (isErrorWorded(value) && value.length <= 500) seen.add(value.trim());
    if (/^(level|severity|status|state)$/i.test(key) && BAD_LEVEL.test(value)) {
      const message = longestString(parent, key);
      if (message) seen.add(message.trim());
    }
  });
  return [...seen]
    .filter((needle) => needle.length >= 8)
    .map((needle) => ({ kind: 'error' as const, step, needle }));
}

function longestString(record: Record<string, unknown>, except: string): string | undefined {
  let best: string | undefined;
  for (const [key, value] of Object.entries(record)) {
    if (key !== except && typeof value === 'string' && value.length > (best?.length ?? 0))
      best = value;
  }
  return best;
}

function textErrorProbes(text: string, step: number): Probe[] {
  const seen = new Set<string>();
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.length >= 12 && trimmed.length <= 500 && isErrorWorded(trimmed)) seen.add(trimmed);
  }
  return [...seen].map((needle) => ({ kind: 'error' as const, step, needle }));
}

/** At most `limit` items, evenly spread over the list, in order; deterministic. */
export function spread<T>(items: readonly T[], limit: number): T[] {
  if (items.length <= limit) return [...items];
  return Array.from(
    { length: limit },
    (_, i) => items[Math.floor((i * items.length) / limit)] as T,
  );
}
