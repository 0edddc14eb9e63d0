import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// A real file from an installed package: @langchain/core's own changelog.
const changelogFile = readFileSync(
  join(
    dirname(createRequire(import.meta.url).resolve('@langchain/core/package.json')),
    'CHANGELOG.md',
  ),
  'utf8',
);

/** The changelog as a JSON array of releases: the shape of a typical API tool result (about 15k tokens). */
export const releases: Array<{ version: string; changes: string[] }> = (() => {
  const out: Array<{ version: string; changes: string[] }> = [];
  for (const line of changelogFile.split('\n').slice(0, 800)) {
    if (line.startsWith('## ')) out.push({ version: line.slice(3).trim(), changes: [] });
    else if (line.startsWith('- ') && out.length > 0)
      out[out.length - 1]!.changes.push(line.slice(2).trim());
  }
  return out;
})();

/** The first 300 lines of the changelog: a long prose tool result. */
export const changelog = changelogFile.split('\n').slice(0, 300).join('\n');
