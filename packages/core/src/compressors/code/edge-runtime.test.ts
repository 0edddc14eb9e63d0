// @vitest-environment edge-runtime
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { installedPath } from '../../test-utils/package-file.node.js';
import { HeadroomError } from '../../errors/headroom-error.js';
import { createCodeCompressor } from './code-compressor.js';

describe('code compressor in an Edge runtime', () => {
  test('without configured grammars it fails with a config error (the pipeline passes the code through) and starts nothing', async () => {
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe('string');
    const code = createCodeCompressor();
    const ctx = {
      query: '',
      countTokens: (text: string) => text.length,
      stash: () => '0123456789abcdef01234567',
    };
    const failure = await Promise.resolve(
      code.compress(`def f():\n${'    x = 1\n'.repeat(40)}`, { ...ctx, language: 'python' }),
    ).catch((e: unknown) => e);
    expect(HeadroomError.isInstance(failure) && failure.code).toBe('config_error');
    expect((failure as Error).message).toMatch(/pass `grammars`/);
  });

  test('with the runtime and a grammar given as bytes (as a bundle would ship them) it compresses', async () => {
    const code = createCodeCompressor({
      treeSitter: () => import('web-tree-sitter'),
      grammars: {
        'tree-sitter': readFileSync(installedPath('web-tree-sitter', 'tree-sitter.wasm')),
        python: readFileSync(
          installedPath('@vscode/tree-sitter-wasm', 'wasm/tree-sitter-python.wasm'),
        ),
      },
    });
    const ctx = {
      query: '',
      countTokens: (text: string) => text.length,
      stash: () => '0123456789abcdef01234567',
    };
    const { text } = await code.compress(`def f():\n${'    x = 1\n'.repeat(40)}`, {
      ...ctx,
      language: 'python',
    });
    expect(text).toContain('def f():\n    ...  # lines 2-41 omitted');
  });
});
