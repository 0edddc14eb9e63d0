import type { DiffFile } from './parse-diff.js';

/** Why a file's changes are summarized instead of shown. */
export type BulkKind = 'lockfile' | 'generated' | 'vendored' | 'minified';

const LOCKFILES =
  /(?:^|\/)(?:package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|bun\.lockb?|Cargo\.lock|go\.sum|poetry\.lock|Pipfile\.lock|uv\.lock|composer\.lock|Gemfile\.lock|mix\.lock|pubspec\.lock|Podfile\.lock|flake\.lock|packages\.lock\.json|gradle\.lockfile|[\w.-]+\.lock)$/;
const GENERATED =
  /(?:\.min\.(?:js|css|mjs)|\.(?:js|css)\.map|\.generated\.\w+|\.g\.(?:dart|cs)|_pb2(?:_grpc)?\.pyi?|\.pb\.(?:go|cc|h)|\.snap)$|(?:^|\/)(?:dist|__generated__|coverage)\//;
const VENDORED = /(?:^|\/)(?:vendor|node_modules|third_party|third-party|bower_components)\//;
/** A changed line this long is minified or a data blob, not something to read. */
const MINIFIED_LINE = 1000;

/** Lockfiles, generated, vendored and minified files: their changes are noise to a reader and are summarized. */
export function bulkKind(file: DiffFile): BulkKind | undefined {
  if (LOCKFILES.test(file.path)) return 'lockfile';
  if (VENDORED.test(file.path)) return 'vendored';
  if (GENERATED.test(file.path)) return 'generated';
  for (const hunk of file.hunks) {
    for (const line of hunk.lines)
      if (line.length > MINIFIED_LINE && (line[0] === '+' || line[0] === '-')) return 'minified';
  }
  return undefined;
}
