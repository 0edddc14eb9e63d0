import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const fixtures = ['wrap-official-clients.ts', 'official-message-types.ts'].map((name) =>
  fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url)),
);

describe('types against the official OpenAI and Anthropic SDKs', () => {
  // Tests are not type-checked by the build, and a user's `tsc` is: the official clients declare their
  // `fetch` private, which once made `withHeadroom(new OpenAI())` a compile error in every app.
  // And compress() once constrained messages to shapes with an index signature, which the SDKs'
  // interfaces lack: an app's ChatCompletionMessageParam[] or MessageParam[] history didn't compile.
  it('withHeadroom takes their clients and compress() their message types, returning the same types', () => {
    const program = ts.createProgram(fixtures, {
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
