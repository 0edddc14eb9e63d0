// Helpers for tests of Headroom's integrations and of custom compressors. Edge-safe, like the main entry.
export { headCompressor, headCompressors } from './test-utils/head-compressor.js';
export { createTestContext } from './test-utils/compressor-context.js';
export { hostileTexts } from './test-utils/hostile-texts.js';
export { lostPieces } from './test-utils/lost-pieces.js';
export {
  toolConversation,
  type ToolStep,
} from './test-utils/tool-conversation.js';
export {
  changelogReleases,
  type ChangelogRelease,
} from './test-utils/changelog-releases.js';
