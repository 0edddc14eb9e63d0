import { git, replaceWith, repoWithChange } from '../../test-utils/git-repo.node.js';
import { installedPackageDir } from '../../test-utils/package-file.node.js';
import { describeConformance } from '../conformance.case.js';
import { createDiffCompressor } from './diff-compressor.js';

// A real upgrade diff between two installed releases of one package, plus its `git log -p` form.
const { dir, diff } = repoWithChange(
  installedPackageDir('long', '4.0.0'),
  replaceWith(installedPackageDir('long', '5.3.2')),
);
git(dir, 'commit', '-qm', 'long 5.3.2');

describeConformance({
  kind: 'diff',
  spec: createDiffCompressor(),
  samples: () => [
    { name: 'git diff long 4.0.0 → 5.3.2', text: diff, query: 'fromString' },
    { name: 'git log -p', text: git(dir, 'log', '-p') },
  ],
});
