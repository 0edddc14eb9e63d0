// Helpers for tests of Headroom's integrations and of custom compressors. Edge-safe, like the main entry.
export { headCompressor, headCompressors } from './test-utils/head-compressor.js';
export { createTestContext } from './test-utils/compressor-context.js';
export { hostileTexts } from './test-utils/hostile-texts.js';
export {
  changelogReleases,
  type ChangelogRelease,
} from './test-utils/changelog-releases.js';
