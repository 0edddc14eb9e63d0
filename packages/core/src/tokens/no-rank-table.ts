/**
 * A stand-in for a js-tiktoken rank table an app keeps out of its bundle: alias
 * `js-tiktoken/ranks/cl100k_base` (or `o200k_base`) to `@headroom/core/no-rank-table` in the bundler. Loading
 * it fails with a `tokenizer_error` that says so, instead of shipping megabytes that are never used.
 */
const noRankTable: undefined = undefined;
export default noRankTable;
