import type { Sample } from '../sample.js';

// Headers that only a diff has: git/combined headers and hunk headers (plain and combined `@@@`).
const STRONG =
  /^(?:diff --git |diff --combined |diff --cc |diff -[a-zA-Z]+ \S|@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@|@@@+ -\d+(?:,\d+)? -\d+)/;
// Lines a diff is made of besides changes: file headers, metadata, commit headers of `git show`/`git log -p`.
const STRUCTURE =
  /^(?:--- \S|\+\+\+ \S|index [0-9a-f]+\.\.[0-9a-f]+|(?:new|deleted) file mode |(?:old|new) mode |similarity index |dissimilarity index |rename (?:from|to) |copy (?:from|to) |Binary files |\\ No newline|Index: |={5,}$|commit [0-9a-f]{7,40}|Author: |Date: |Merge: )/;
const CHANGE = /^[+-](?![+-]{2} )/;

/** How sure we are that the sample is a unified diff (`git diff`, `git show`, `diff -u`). */
export function diffConfidence(sample: Sample): number {
  const { lines } = sample;
  const firstHeader = lines.findIndex((line) => STRONG.test(line));
  if (firstHeader < 0) return 0;
  let headers = 0;
  let changes = 0;
  let structured = 0;
  let total = 0;
  for (let i = firstHeader; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    total++;
    if (STRONG.test(line)) headers++;
    else if (STRUCTURE.test(line)) structured++;
    else if (CHANGE.test(line)) changes++;
    // Context lines start with a space; `git log -p` indents commit messages by four.
    else if (line.startsWith(' ')) structured++;
  }
  const share = (headers + structured + changes) / total;
  if (share < 0.8) return 0;
  return Math.min(1, 0.5 + 0.2 * headers + 0.05 * changes);
}
