// The packed tables the build writes to ranks/ (scripts/pack-ranks.mjs), imported through the package's
// own exports so that a bundler can alias them to @headroom/core/no-rank-table.
declare module '@headroom/core/ranks/o200k_base' {
  const ranks: import('./packed-ranks.js').PackedRanks;
  export default ranks;
}
declare module '@headroom/core/ranks/cl100k_base' {
  const ranks: import('./packed-ranks.js').PackedRanks;
  export default ranks;
}
