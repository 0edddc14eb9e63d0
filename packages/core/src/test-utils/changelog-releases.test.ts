import { describe, expect, it } from 'vitest';
import { changelogReleases } from './changelog-releases.js';

describe('changelogReleases', () => {
  const changelog = [
    '# pkg',
    '- before any release: not an entry',
    '## 2.0.0',
    '### Major Changes',
    '- drop the old API ',
    '- rename `x`',
    '## 1.0.0',
    '- first',
  ].join('\n');

  it('groups each `- ` entry under the `## ` heading above it', () => {
    expect(changelogReleases(changelog, 100)).toEqual([
      { version: '2.0.0', changes: ['drop the old API', 'rename `x`'] },
      { version: '1.0.0', changes: ['first'] },
    ]);
  });

  it('reads only the first `lines` lines', () => {
    expect(changelogReleases(changelog, 5)).toEqual([
      { version: '2.0.0', changes: ['drop the old API'] },
    ]);
  });
});
