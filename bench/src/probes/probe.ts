/** What a probe checks for (DESIGN §14). */
export type ProbeKind = 'number' | 'artifact' | 'error' | 'focus';

/** One fact from an original tool output that a compressed version must keep or be able to give back. */
export interface Probe {
  kind: ProbeKind;
  /** Tool step (in call order) whose output the probe came from. */
  step: number;
  /** The exact text that must survive: a number, a path/URL/hash/id, an error line, an item the question is about. */
  needle: string;
  /** For numbers: the JSON key the value belongs to; it must survive too. */
  key?: string;
}

/** Where a probe ended up after compression. */
export type ProbeStatus = 'retained' | 'recoverable' | 'lost';

/**
 * Text as a reader sees it, so a value counts as present whatever quoting the compressed form
 * uses (JSON escapes, CSV doubled quotes): drops quotes and backslashes, turns escaped and real
 * whitespace into single spaces.
 */
export function normalize(text: string): string {
  return text
    .replace(/\\[nrt]/g, ' ')
    .replace(/["\\]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `probe` is present in already-normalized text: numbers as whole tokens beside their key, the rest verbatim. */
export function isPresent(normalizedText: string, probe: Probe): boolean {
  if (probe.kind === 'number') {
    const value = new RegExp(`(?<![\\w.-])${escapeRegExp(probe.needle)}(?![\\w]|\\.\\d)`);
    const key = new RegExp(`(?<![\\w])${escapeRegExp(probe.key ?? '')}(?![\\w])`);
    return value.test(normalizedText) && key.test(normalizedText);
  }
  return normalizedText.includes(normalize(probe.needle));
}

/** The query a model would send to `headroom_retrieve` to get this probe back. */
export function probeQuery(probe: Probe): string {
  return probe.kind === 'number'
    ? `${probe.key ?? ''} ${probe.needle}`
    : probe.needle.slice(0, 300);
}
