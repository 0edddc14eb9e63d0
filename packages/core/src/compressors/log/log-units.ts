import type { UnitSplitter } from '../../ccr/retrieve.js';
import { findStackTraces } from './stack-traces.js';

/** Retrieval units of a stored log: its non-blank lines, each stack trace as one unit. */
export const logUnits: UnitSplitter = (original) => {
  const lines = original.split('\n');
  const units: string[] = [];
  let next = 0;
  const pushLines = (until: number): void => {
    for (; next < until; next++) if ((lines[next] as string).trim() !== '') units.push(lines[next] as string);
  };
  for (const block of findStackTraces(lines)) {
    pushLines(block.start);
    units.push(lines.slice(block.start, block.end + 1).join('\n'));
    next = block.end + 1;
  }
  pushLines(lines.length);
  return units;
};
