// Copies the tree-sitter runtime and the eight grammars core parses into `wasm/`, next to `dist/`, so the
// Node loader can name each file with a static `new URL('../../wasm/…', import.meta.url)` that bundlers
// (webpack, Turbopack, esbuild's file loader) follow as an asset instead of a module to compile.
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'wasm');
const languages = ['python', 'javascript', 'typescript', 'tsx', 'go', 'rust', 'java', 'cpp'];

mkdirSync(out, { recursive: true });
copyFileSync(require.resolve('web-tree-sitter/tree-sitter.wasm'), join(out, 'tree-sitter.wasm'));
// Both are MIT: their licences travel with the copies.
copyFileSync(
  join(dirname(require.resolve('web-tree-sitter/tree-sitter.wasm')), 'LICENSE'),
  join(out, 'LICENSE.web-tree-sitter'),
);
copyFileSync(
  join(dirname(require.resolve('@vscode/tree-sitter-wasm/package.json')), 'LICENSE'),
  join(out, 'LICENSE.vscode-tree-sitter-wasm'),
);
for (const language of languages) {
  const file = `tree-sitter-${language}.wasm`;
  copyFileSync(require.resolve(`@vscode/tree-sitter-wasm/wasm/${file}`), join(out, file));
}
