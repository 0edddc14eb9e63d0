import type { Sample } from '../sample.js';

// Headers that only a diff has: git/combined headers and hunk headers (plain and combined `@@@`).
const STRONG =
  /^(?:diff --git |diff --combined |diff --cc |diff -[a-zA-Z]+ \S|@@ -\d+(?:,\d+)? \+\d+(?:,\d+)? @@|@@@+ -\d+(?:,\d+)? -\d+)/;
// Lines a diff is made of besides changes: file headers, metadata, commit headers of `git show`/`git log -p`.
const STRUCTURE =
  /^(?:--- \S|\+\+\+ \S|index [0-9a-f]+\.\.[0-9a-f]+|(?:new|deleted) file mode |(?:old|new) mode |similarity index |dissimilarity index |rename (?:from|to) |copy (?:from|to) |Binary files |\\ No newline|Index: |={5,}$|commit [0-9a-f]{7,40}|Author: |Date: |Merge: )/;
const CHANGE = /^[+-](?![+-]{2} )/;
// What names the file a hunk belongs to; every real diff has one before its first hunk.
const FILE_HEADER =
  /^(?:diff --git |diff --combined |diff --cc |diff -[a-zA-Z]+ \S|--- \S|\+\+\+ \S|Index: |commit [0-9a-f]{7,40})/;
const COMMIT_HEADER = /^commit [0-9a-f]{7,64}\b/;
/** A `--stat` line (` src/a.ts | 12 +++--`) or its summary (` 3 files changed, 40 insertions(+)`). */
const STAT_LINE = /^ \S.*? +\| +(?:\d+(?: [+-]*)?|Bin .*)$|^ \d+ files? changed\b/;
const HUNK = /^@@ -\d+(?:,(\d+))? \+\d+(?:,(\d+))? @@/;

/** How sure we are that the sample is a unified diff (`git diff`, `git show`, `diff -u`) or a `git log`. */
export function diffConfidence(sample: Sample): number {
  const { lines } = sample;
  const firstHeader = lines.findIndex((line) => STRONG.test(line));
  if (firstHeader < 0) return commitLogConfidence(lines);
  let headers = 0;
  let changes = 0;
  let structured = 0;
  let total = 0;
  // Measured in the same pass, for the case without a file header below.
  const coverage = createHunkCoverage();
  for (let i = firstHeader; i < lines.length; i++) {
    const line = lines[i]!;
    coverage.add(line);
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
  // Hunks with no file header are a fragment quoted in something else (a test runner's `- Expected / + Received`
  // assertion diff between its own lines) unless the hunks' own line counts account for nearly every line.
  if (!lines.some((line) => FILE_HEADER.test(line)) && coverage.share() < 0.9) return 0;
  return Math.min(1, 0.5 + 0.2 * headers + 0.05 * changes);
}

/**
 * `git log` / `git log --stat` without patches: commit headers (`commit <hash>` over `Author:`), their
 * fields, the four-space-indented messages and stat lines make up the text.
 */
function commitLogConfidence(lines: readonly string[]): number {
  let commits = 0;
  let structured = 0;
  let total = 0;
  for (const [i, line] of lines.entries()) {
    if (line === '') continue;
    total++;
    if (COMMIT_HEADER.test(line) && /^(?:Author|Merge): /.test(lines[i + 1] ?? '')) commits++;
    else if (STRUCTURE.test(line) || line.startsWith('    ') || STAT_LINE.test(line)) structured++;
  }
  if (commits === 0 || (commits + structured) / total < 0.9) return 0;
  return 0.8;
}

/**
 * Fed the lines from the first hunk header on, one at a time: the share of the non-blank ones that are
 * hunk headers or lines the headers' counts promise.
 */
function createHunkCoverage(): { add(line: string): void; share(): number } {
  let covered = 0;
  let total = 0;
  let oldLeft = 0;
  let newLeft = 0;
  return {
    add(line) {
      if (oldLeft > 0 || newLeft > 0) {
        // Inside a hunk: a blank line is a context line whose single space was trimmed away.
        if (line.trim() !== '') {
          total++;
          covered++;
        }
        if (line.startsWith('-')) oldLeft--;
        else if (line.startsWith('+')) newLeft--;
        else if (!line.startsWith('\\')) {
          oldLeft--;
          newLeft--;
        }
        return;
      }
      if (line.trim() === '') return;
      total++;
      const hunk = HUNK.exec(line);
      if (!hunk) return;
      covered++;
      oldLeft = Number(hunk[1] ?? 1);
      newLeft = Number(hunk[2] ?? 1);
    },
    share: () => (total === 0 ? 0 : covered / total),
  };
}
