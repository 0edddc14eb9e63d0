import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { changelogReleases } from '@headroom/core/testing';

// A real file from an installed package: @langchain/core's own changelog.
const changelogFile = readFileSync(
  join(
    dirname(createRequire(import.meta.url).resolve('@langchain/core/package.json')),
    'CHANGELOG.md',
  ),
  'utf8',
);

/** The changelog as a JSON array of releases: the shape of a typical API tool result (about 15k tokens). */
export const releases = changelogReleases(changelogFile, 800);

/** The first 300 lines of the changelog: a long prose tool result. */
export const changelog = changelogFile.split('\n').slice(0, 300).join('\n');
