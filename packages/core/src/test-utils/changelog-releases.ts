/** One release of a changelog: its `## ` heading and its `- ` entries (a type, so it is a JSON value). */
export type ChangelogRelease = { version: string; changes: string[] };

/**
 * The releases in the first `lines` lines of a Markdown changelog (an installed package's
 * CHANGELOG.md): a real JSON array of the shape a typical API tool returns.
 */
export function changelogReleases(changelog: string, lines: number): ChangelogRelease[] {
  const out: ChangelogRelease[] = [];
  for (const line of changelog.split('\n').slice(0, lines)) {
    if (line.startsWith('## ')) out.push({ version: line.slice(3).trim(), changes: [] });
    else if (line.startsWith('- ') && out.length > 0)
      out[out.length - 1]!.changes.push(line.slice(2).trim());
  }
  return out;
}
