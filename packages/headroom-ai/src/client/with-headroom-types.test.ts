import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const fixture = fileURLToPath(new URL('./__fixtures__/wrap-official-clients.ts', import.meta.url));

describe('withHeadroom types', () => {
  // Tests are not type-checked by the build, and a user's `tsc` is: the official clients declare their
  // `fetch` private, which once made `withHeadroom(new OpenAI())` a compile error in every app.
  it('accepts the official OpenAI and Anthropic clients and returns their own type', () => {
    const program = ts.createProgram([fixture], {
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      types: ['node'],
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(diagnostics).toEqual([]);
  }, 60_000);
});
