import type { UnitSplitter } from '../../types.js';
import { parseDiff } from './parse-diff.js';

/** Retrieval units of a stored diff: each hunk with its file's header; files without hunks and commit text as their own units. */
export const diffUnits: UnitSplitter = (original) => {
  const diff = parseDiff(original);
  const units: string[] = [];
  const pushText = (lines: readonly string[]): void => {
    const text = lines.join('\n').trim();
    if (text) units.push(text);
  };
  pushText(diff.preamble);
  for (const file of diff.files) {
    const header = file.header.join('\n');
    if (file.hunks.length === 0) units.push(header);
    for (const hunk of file.hunks)
      units.push(`${header}\n${hunk.header}\n${hunk.lines.join('\n')}`);
    pushText(file.trailer);
  }
  return units;
};
