import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { installedPath } from '../../test-utils/package-file.node.js';
import { describeConformance } from '../conformance.case.js';
import { dataCorpora } from './__fixtures__/corpora.node.js';
import { createCodeCompressor } from './code-compressor.js';

const ownSource = (path: string) =>
  readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');

/** This package's own TypeScript, a published JavaScript build, and one file per language of the shared corpora when present. */
function samples() {
  const shared = dataCorpora().flatMap(({ language, files }) => {
    const file = files.find((path) => readFileSync(path, 'utf8').length > 6_000);
    return file ? [{ name: file, text: readFileSync(file, 'utf8'), language, fileName: file }] : [];
  });
  return [
    {
      name: 'code-compressor.ts',
      text: ownSource('./code-compressor.ts'),
      language: 'typescript' as const,
      query: 'grammars',
    },
    {
      name: 'memory-store.ts',
      text: ownSource('../../ccr/memory-store.ts'),
      language: 'typescript' as const,
    },
    {
      name: 'hono/dist/hono-base.js',
      text: readFileSync(installedPath('hono', 'dist/hono-base.js'), 'utf8'),
      language: 'javascript' as const,
    },
    ...shared,
  ];
}

describeConformance({ kind: 'code', spec: createCodeCompressor(), samples });
