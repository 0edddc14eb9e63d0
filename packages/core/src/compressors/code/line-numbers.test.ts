import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { findMarkerKeys } from '../../ccr/marker.js';
import { retrieve } from '../../test-utils/retrieve.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { packageCorpora } from './__fixtures__/corpora.node.js';
import { codeCompressor } from './code-compressor.js';
import { parseNumbered } from './line-numbers.js';

const chat = readFileSync(
  packageCorpora()[0]?.files.find((file) => file.endsWith('/ui/chat.ts')) as string,
  'utf8',
);

/** The file as an agent's read tool shows it: `cat -n` (tab) or Claude Code's arrow, from line `first`. */
function numbered(code: string, separator: '\t' | '→', first = 1): string {
  return code
    .split('\n')
    .map((line, i) => `${String(first + i).padStart(6)}${separator}${line}`)
    .join('\n');
}

describe('line-numbered code (file-read tool output)', () => {
  test('is recognised only when every line is numbered consecutively', () => {
    expect(parseNumbered(numbered('a\nb', '→', 41))).toEqual({
      code: 'a\nb',
      first: 41,
      width: 6,
      separator: '→',
      trailingNewline: false,
    });
    expect(parseNumbered('     1\ta\n     3\tb')).toBeUndefined();
    expect(parseNumbered('     1\ta\nb')).toBeUndefined();
  });

  test.each(['\t', '→'] as const)(
    'compresses as code and keeps each kept line on its original number (separator %j)',
    async (separator) => {
      const lines = chat.split('\n');
      const input = numbered(chat, separator, 1);
      const { ctx } = await createTestContext();
      const { text: output } = await codeCompressor.compress(input, {
        ...ctx,
        language: 'typescript',
      });
      expect(output.length).toBeLessThan(input.length * 0.6);
      const [marker, ...body] = output.split('\n');
      expect(marker).toMatch(/^\/\/ <<ccr:\w+ \d+ lines, numbers are original lines;/);
      let checked = 0;
      for (const line of body) {
        const match = /^ *(\d*)[\t→](.*)$/.exec(line);
        expect(match, line).not.toBeNull();
        const [, number, code] = match as unknown as [string, string, string];
        if (number && lines.includes(code)) {
          expect(lines[Number(number) - 1], `line ${number}`).toBe(code);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(200);
      expect(output).toContain(
        `   795${separator}  private async makeRequest(options: MakeRequestOptions);\n`,
      );
    },
  );

  test('retrieval by name returns the numbered lines of that method', async () => {
    const input = numbered(chat, '→', 1);
    const { ctx, store } = await createTestContext();
    const { text: output } = await codeCompressor.compress(input, {
      ...ctx,
      language: 'typescript',
    });
    const found = await retrieve(store, findMarkerKeys(output)[0] as string, {
      query: 'makeRequest',
    });
    expect(found.content).toBe(input.split('\n').slice(794, 806).join('\n'));
  });
});
