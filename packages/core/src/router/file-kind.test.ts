import { describe, expect, it } from 'vitest';
import { fileKind } from './file-kind.js';

describe('fileKind', () => {
  it.each([
    ['src/app.py', 'python'],
    ['lib/index.mjs', 'javascript'],
    ['Button.jsx', 'javascript'],
    ['types/index.d.ts', 'typescript'],
    ['app/page.tsx', 'tsx'],
    ['cmd/root.go', 'go'],
    ['src\\lib.rs', 'rust'],
    ['Main.java', 'java'],
    ['include/fmt/core.h', 'cpp'],
    ['src/format.CC', 'cpp'],
  ] as const)('%s is %s code', (name, language) => {
    expect(fileKind(name)).toEqual({ kind: 'code', language });
  });

  it.each([
    ['package.json', 'json'],
    ['README.md', 'text'],
    ['server.log', 'log'],
    ['data/users.csv', 'table'],
    ['index.html', 'html'],
  ] as const)('%s steers to %s', (name, kind) => {
    expect(fileKind(name)).toEqual({ kind });
  });

  it('knows nothing about names without a known extension', () => {
    expect(fileKind('Makefile')).toBeUndefined();
    expect(fileKind('archive.tar.gz')).toBeUndefined();
    expect(fileKind('.bashrc')).toBeUndefined();
    expect(fileKind('dir.py/notes')).toBeUndefined();
  });
});
