/**
 * A stand-in for a rank table an app keeps out of its bundle: alias `@headroom/core/ranks/cl100k_base`
 * (or `o200k_base`: core's build-time packing of js-tiktoken's tables) to `@headroom/core/no-rank-table`
 * in the bundler. Loading it fails with a `tokenizer_error` that says so, instead of shipping megabytes
 * that are never used.
 */
const noRankTable: undefined = undefined;
export default noRankTable;
