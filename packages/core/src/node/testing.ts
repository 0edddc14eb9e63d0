// Node-only helpers for Headroom's own tests and bench: real git repositories, installed packages' files.
export { git, replaceWith, repoWithChange } from '../test-utils/git-repo.node.js';
export { installedPackageDir } from '../test-utils/package-file.node.js';
