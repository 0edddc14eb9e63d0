import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'vitest';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { codeCompressor } from './code-compressor.js';

const nm = '/work/main/node_modules/.pnpm/';
const files: Array<[string, any]> = [
  [nm + 'ai@6.0.325_zod@4.6.7/node_modules/ai/src/ui/chat.ts', 'typescript'],
  [nm + 'ai@6.0.325_zod@4.6.7/node_modules/ai/src/ui/chat.ts', 'tsx'],
  [nm + 'turbo@2.11.11/node_modules/turbo/docs/guides/tools/create-turbo-callout.tsx', 'tsx'],
  [nm + 'hono@4.13.19/node_modules/hono/dist/hono-base.js', 'javascript'],
  [nm + 'flatbuffers@25.9.23/node_modules/flatbuffers/js/flatbuffers.min.js', 'javascript'],
  ['/work/shared/data/code/python/requests/src/requests/sessions.py', 'python'],
  ['/work/shared/data/code/go/cobra/command.go', 'go'],
  ['/work/shared/data/code/rust/serde_json/src/map.rs', 'rust'],
  ['/work/shared/data/code/java/gson/gson/src/main/java/com/google/gson/Gson.java', 'java'],
  ['/work/shared/data/code/cpp/fmt/include/fmt/format.h', 'cpp'],
];
test('scratch', async () => {
  for (const [file, language] of files) {
    const { ctx } = await createTestContext({ query: process.env.Q ?? '' });
    const text = readFileSync(file, 'utf8');
    const t0 = performance.now();
    const out = await codeCompressor.compress(text, { ...ctx, language });
    const ms = performance.now() - t0;
    console.log(language, text.length, out.text.length, (1 - out.text.length / text.length).toFixed(3), ms.toFixed(1), out.strategy);
    writeFileSync(`/tmp/cx/out.${language}.${file.split('/').pop()}`, out.text);
  }
});
