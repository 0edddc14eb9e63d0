import type { UnitSplitter } from '../../types.js';
import { parseDiff } from './parse-diff.js';

const COMMIT = /^commit [0-9a-f]{7,64}\b/;

/** Retrieval units of a stored diff: each hunk with its file's header; files without hunks and each commit's text before them as their own units. */
export const diffUnits: UnitSplitter = (original) => {
  const diff = parseDiff(original);
  const units: string[] = [];
  const pushText = (lines: readonly string[]): void => {
    const text = lines.join('\n').trim();
    if (text) units.push(text);
  };
  // A log with no patches is all preamble: one unit per commit, so a query returns the commits it names.
  const commit: string[] = [];
  for (const line of diff.preamble) {
    if (COMMIT.test(line)) pushText(commit.splice(0));
    commit.push(line);
  }
  pushText(commit);
  for (const file of diff.files) {
    const header = file.header.join('\n');
    if (file.hunks.length === 0) units.push(header);
    for (const hunk of file.hunks)
      units.push(`${header}\n${hunk.header}\n${hunk.lines.join('\n')}`);
    pushText(file.trailer);
  }
  return units;
};
