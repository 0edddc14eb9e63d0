import {
  defaultCompressors,
  findMarkerKeys,
  retrieve,
  unitSplittersOf,
  type CcrStore,
} from '@headroom/core/internal';
import { isPresent, normalize, probeQuery, type Probe, type ProbeStatus } from './probe.js';

/** Retrieval as a default `createHeadroom()` does it: with the default compressors' unit splitters. */
const splitters = unitSplittersOf(defaultCompressors);

/** A probe and where it ended up. */
export interface ProbeOutcome {
  probe: Probe;
  status: ProbeStatus;
  /** The CCR key it was recovered from, when recoverable. */
  key?: string;
}

/**
 * Classifies probes against one compressed tool output: retained when the compressed text still
 * holds them; recoverable when an original stored under a marker key found in that text holds them
 * AND `retrieve(store, key, { query })` with the probe as query returns them; lost otherwise.
 */
export async function classifyProbes(
  probes: readonly Probe[],
  compressed: string,
  store: CcrStore,
): Promise<ProbeOutcome[]> {
  const haystack = normalize(compressed);
  const originals: Array<{ key: string; text: string }> = [];
  for (const key of findMarkerKeys(compressed)) {
    const entry = await store.get(key);
    if (entry) originals.push({ key, text: normalize(entry.original) });
  }
  const outcomes: ProbeOutcome[] = [];
  for (const probe of probes) {
    if (isPresent(haystack, probe)) {
      outcomes.push({ probe, status: 'retained' });
      continue;
    }
    let recoveredFrom: string | undefined;
    // Reading the whole original is cheap; only originals that hold the probe are worth a query.
    for (const original of originals.filter((o) => isPresent(o.text, probe))) {
      const answer = await retrieve(store, original.key, { query: probeQuery(probe), splitters });
      if (isPresent(normalize(answer.content), probe)) {
        recoveredFrom = original.key;
        break;
      }
    }
    outcomes.push(
      recoveredFrom
        ? { probe, status: 'recoverable', key: recoveredFrom }
        : { probe, status: 'lost' },
    );
  }
  return outcomes;
}
