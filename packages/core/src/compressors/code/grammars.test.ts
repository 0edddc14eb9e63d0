import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, test } from 'vitest';
import { HeadroomError } from '../../errors/headroom-error.js';
import { installedPath } from '../../test-utils/package-file.node.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { CODE_LANGUAGES, type CodeLanguage } from '../../types.js';
import { createCodeCompressor } from './code-compressor.js';
import { createGrammars, type GrammarName } from './grammars.js';
import { treeSitterParser } from './tree-sitter-parser.js';

const wasmPath = (name: CodeLanguage): string =>
  installedPath('@vscode/tree-sitter-wasm', `wasm/tree-sitter-${name}.wasm`);

describe('grammars', () => {
  test('all eight grammars load with the pinned web-tree-sitter and parse their language', async () => {
    const grammars = createGrammars();
    const samples: Record<CodeLanguage, string> = {
      python: 'def f(x):\n    return x\n',
      javascript: 'function f(x) { return x; }\n',
      typescript: 'function f(x: number): number { return x; }\n',
      tsx: 'const f = (x: number) => <div>{x}</div>;\n',
      go: 'package m\n\nfunc F(x int) int { return x }\n',
      rust: 'fn f(x: i32) -> i32 { x }\n',
      java: 'class A { int f(int x) { return x; } }\n',
      cpp: 'int f(int x) { return x; }\n',
    };
    for (const language of CODE_LANGUAGES) {
      const tree = treeSitterParser(await grammars.parser(language)).parse(samples[language]);
      expect(tree?.rootNode.hasError, language).toBe(false);
      tree?.delete();
    }
  });

  test('a grammar loads once per language and its parser is reused', async () => {
    const asked: GrammarName[] = [];
    const grammars = createGrammars((name) => {
      asked.push(name);
      return name === 'tree-sitter' ? undefined : readFileSync(wasmPath(name));
    });
    const [a, b] = await Promise.all([grammars.parser('go'), grammars.parser('go')]);
    expect(a).toBe(b);
    expect(await grammars.parser('go')).toBe(a);
    expect(asked.filter((name) => name === 'go')).toHaveLength(1);
  });

  test('grammars come as bytes, ArrayBuffers, paths or URLs', async () => {
    const bytes = readFileSync(wasmPath('python'));
    const server = createServer((request, response) => {
      response
        .writeHead(request.url === '/go.wasm' ? 200 : 404)
        .end(request.url === '/go.wasm' ? readFileSync(wasmPath('go')) : 'missing');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const grammars = createGrammars({
        python: bytes,
        java: bytes.buffer.slice(
          bytes.byteOffset,
          bytes.byteOffset + bytes.byteLength,
        ) as ArrayBuffer,
        rust: wasmPath('rust'),
        go: new URL('/go.wasm', base),
        cpp: new URL('/cpp.wasm', base),
      });
      for (const language of ['python', 'java', 'rust', 'go'] as const)
        expect(await grammars.parser(language)).toBeDefined();
      await expect(grammars.parser('cpp')).rejects.toThrow(/answered 404/);
      await expect(grammars.parser('tsx')).rejects.toThrow(/no \.wasm configured for tsx/);
    } finally {
      server.close();
    }
  });

  test('a grammar that cannot load makes the compressor throw a HeadroomError (the pipeline passes the text through) and is retried later', async () => {
    let attempts = 0;
    const code = createCodeCompressor({
      grammars: (name) => {
        if (name === 'tree-sitter') return undefined;
        attempts++;
        if (attempts === 1) throw new Error('network down');
        return readFileSync(wasmPath(name));
      },
    });
    const { ctx } = await createTestContext();
    const source = `def f():\n${'    x = 1\n'.repeat(60)}`;
    const failure = await Promise.resolve(
      code.compress(source, { ...ctx, language: 'python' }),
    ).catch((error: unknown) => error);
    expect(HeadroomError.isInstance(failure) && failure.code).toBe('config_error');
    expect((failure as Error).message).toMatch(/grammar for python: network down/);
    expect((await code.compress(source, { ...ctx, language: 'python' })).text).toContain(
      '...  # lines 2-61 omitted',
    );
  });
});
