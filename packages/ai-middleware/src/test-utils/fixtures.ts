import { changelogReleases } from '@headroom/core/testing';
// A real file from an installed package, read by Vite at transform time so the edge runtime needs no fs.
import changelogFile from '../../node_modules/ai/CHANGELOG.md?raw';

/** The AI SDK's own changelog, first 400 lines: a long real tool output (prose and lists). */
export const changelog = changelogFile.split('\n').slice(0, 400).join('\n');

/** The same changelog as a JSON array of releases, the shape of a typical API tool result. */
export const releases = changelogReleases(changelogFile, 1500);
