/** A commit message subject longer than this is cut (the whole message is in the stored original). */
const MAX_SUBJECT = 160;

const COMMIT = /^commit ([0-9a-f]{7,64})\b(.*)$/;
const FIELD = /^(Author|AuthorDate|Commit|CommitDate|Date|Merge):\s*(.*)$/;

/**
 * Shortens the commit headers of `git log -p` and `git show` to what identifies a commit: the hash
 * (12 digits, refs kept), the author's name, the date and the message's subject, as
 * `commit 1f4a023b6182 — Dana Developer — Sat Mar 9 10:00:00 2024 +0100` and the indented subject
 * with a count of the message lines left out. Anything else (stats, notes) stays as it is.
 */
export function compactCommitHeaders(lines: readonly string[]): {
  lines: string[];
  /** How many commit headers were shortened. */
  commits: number;
} {
  const out: string[] = [];
  let commits = 0;
  let i = 0;
  while (i < lines.length) {
    const commit = COMMIT.exec(lines[i] as string);
    if (!commit) {
      out.push(lines[i] as string);
      i++;
      continue;
    }
    const fields = new Map<string, string>();
    let j = i + 1;
    for (let match = FIELD.exec(lines[j] ?? ''); match; match = FIELD.exec(lines[j] ?? '')) {
      fields.set(match[1] as string, (match[2] as string).trim());
      j++;
    }
    const author = fields.get('Author');
    if (author === undefined) {
      out.push(lines[i] as string);
      i++;
      continue;
    }
    // The message: git indents it by four spaces, after a blank line.
    const message: string[] = [];
    let k = j;
    while (k < lines.length && (lines[k] === '' || (lines[k] as string).startsWith('    '))) {
      message.push((lines[k] as string).trim());
      k++;
    }
    // A blank line before what follows the message (a diff, a stat) stays.
    if (k > j && lines[k - 1] === '' && k < lines.length) k--;
    const text = message.filter((line) => line !== '');
    const subject = text[0] ?? '';
    const more = text.length - 1;
    const name = author.replace(/\s*<[^>]*>$/, '');
    const date = fields.get('Date') ?? fields.get('AuthorDate');
    const merge = fields.get('Merge');
    out.push(
      [
        `commit ${(commit[1] as string).slice(0, 12)}${commit[2] as string}`,
        name,
        date,
        merge === undefined ? undefined : `merge of ${merge}`,
      ]
        .filter((part) => part !== undefined && part !== '')
        .join(' — '),
    );
    const cut = subject.length > MAX_SUBJECT ? `${subject.slice(0, MAX_SUBJECT)}…` : subject;
    if (subject)
      out.push(`    ${cut}${more > 0 ? `  [+${more} message line${more === 1 ? '' : 's'}]` : ''}`);
    commits++;
    i = k;
  }
  return { lines: out, commits };
}
