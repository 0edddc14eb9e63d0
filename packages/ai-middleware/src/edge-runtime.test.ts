// @vitest-environment edge-runtime
import { readFileSync } from 'node:fs';
import type { LanguageModelV3CallOptions, LanguageModelV3Prompt } from '@ai-sdk/provider';
import { createCodeCompressor } from '@headroom/core';
import { generateText, streamText, wrapLanguageModel } from 'ai';
import { MockLanguageModelV3, convertArrayToReadableStream } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { changelogConversation } from './test-utils/conversation.js';
import { changelog } from './test-utils/fixtures.js';
import { headroomMiddleware } from './headroom-middleware.js';
import { testMiddleware } from './test-utils/test-middleware.js';
import {
  generated,
  lastToolResults,
  markerKeys,
  retrieveCall,
  streamed,
  usage,
} from './test-utils/mock-results.js';

describe('in the Edge runtime', () => {
  it('runs in an Edge VM, not plain Node', () => {
    expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime).toBe('string');
  });

  it('ships no node: imports in the middleware or in core’s main entry', () => {
    const sources = import.meta.glob(
      [
        './**/*.ts',
        '!./**/*.test.ts',
        '!./test-utils/**',
        '../../core/dist/**/*.js',
        '!../../core/dist/node/**',
        '!../../core/dist/**/*.node.js',
      ],
      {
        query: '?raw',
        import: 'default',
        eager: true,
      },
    );
    expect(
      Object.keys(sources).filter((file) => file.startsWith('../../core/')).length,
    ).toBeGreaterThan(10);
    const offenders = Object.entries(sources).filter(([, text]) =>
      /(?:from\s+|import\s*\(\s*|require\s*\(\s*)['"]node:/.test(text),
    );
    expect(offenders.map(([file]) => file)).toEqual([]);
  });

  it('compresses, retrieves and answers with generateText and streamText', async () => {
    const model: MockLanguageModelV3 = new MockLanguageModelV3({
      doGenerate: async (options: LanguageModelV3CallOptions) =>
        model.doGenerateCalls.length === 1
          ? generated([retrieveCall('r', markerKeys(options.prompt)[0]!)], usage(10, 1))
          : generated([{ type: 'text', text: 'edge answer' }], usage(10, 1)),
      doStream: async (options: LanguageModelV3CallOptions) => ({
        stream: convertArrayToReadableStream(
          model.doStreamCalls.length === 1
            ? streamed('0', [], [retrieveCall('r', markerKeys(options.prompt)[0]!)], usage(10, 1))
            : streamed('0', ['edge ', 'stream'], [], usage(10, 1)),
        ),
      }),
    });
    const wrapped = wrapLanguageModel({ model, middleware: testMiddleware() });

    const generatedText = await generateText({ model: wrapped, ...changelogConversation() });
    expect(generatedText.text).toBe('edge answer');
    expect(lastToolResults(model.doGenerateCalls[1]!.prompt)[0]).toMatchObject({
      output: { value: changelog },
    });

    const streamedText = streamText({ model: wrapped, ...changelogConversation() });
    expect(await streamedText.text).toBe('edge stream');
    expect(lastToolResults(model.doStreamCalls[1]!.prompt)[0]).toMatchObject({
      output: { value: changelog },
    });
  });

  it('compresses code with tree-sitter grammars passed as bytes through the options, as a bundle ships them', async () => {
    // Read here, in the test, as a bundler would inline them; the middleware itself touches no file system.
    const wasm = (path: string) =>
      readFileSync(new URL(`../../core/node_modules/${path}`, import.meta.url));
    const code = createCodeCompressor({
      treeSitter: () => import('web-tree-sitter'),
      grammars: {
        'tree-sitter': wasm('web-tree-sitter/tree-sitter.wasm'),
        python: wasm('@vscode/tree-sitter-wasm/wasm/tree-sitter-python.wasm'),
      },
    });
    const middleware = headroomMiddleware({ compressors: { code }, protectRecent: 0 });
    const source = Array.from(
      { length: 12 },
      (_, i) =>
        `def handler_${i}(request):\n${'    total = request.value * 2\n'.repeat(8)}    return total\n`,
    ).join('\n');
    const prompt: LanguageModelV3Prompt = [
      { role: 'user', content: [{ type: 'text', text: 'Review app.py' }] },
      {
        role: 'assistant',
        content: [
          { type: 'tool-call', toolCallId: 'c', toolName: 'readFile', input: { path: 'app.py' } },
        ],
      },
      {
        role: 'tool',
        content: [
          {
            type: 'tool-result',
            toolCallId: 'c',
            toolName: 'readFile',
            output: { type: 'text', value: source },
          },
        ],
      },
    ];
    const out = await middleware.transformParams({
      type: 'generate',
      params: { prompt },
      model: { modelId: 'gpt-4o' },
    });
    const text = JSON.stringify(out.prompt[2]);
    expect(text).toContain('def handler_0(request):');
    expect(text).toMatch(/lines \d+-\d+ omitted/);
    expect(text.length).toBeLessThan(JSON.stringify(prompt[2]).length / 2);
  });
});
