import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { MemoryCcrStore } from '../../ccr/memory-store.js';
import { retrieve } from '../../test-utils/retrieve.js';
import type { CcrMeta } from '../../types.js';
import { packageCorpora } from './__fixtures__/corpora.node.js';
import { codeCompressor } from './code-compressor.js';

const chatPath = packageCorpora()[0]?.files.find((file) => file.endsWith('/ui/chat.ts')) as string;
const chat = readFileSync(chatPath, 'utf8');
const meta: CcrMeta = { kind: 'code', language: 'typescript' };
const units = (original: string, query?: string, m: CcrMeta = meta) =>
  Promise.resolve(codeCompressor.units?.(original, m, query) ?? []);

/** The exact source of a class method, from its first token to the line that closes it at the same indent. */
function memberText(source: string, head: string): string {
  const start = source.indexOf(head);
  const indent = /^ */.exec(head)?.[0] ?? '';
  const end = source.indexOf(`\n${indent}}\n`, start);
  return source.slice(start + indent.length, end + indent.length + 2);
}

describe('code retrieval units (the AI SDK chat.ts)', () => {
  test('split the file into exact pieces of it: imports, types, the class header and each member with its doc comment', async () => {
    const parts = await units(chat);
    for (const part of parts) expect(chat).toContain(part);
    expect(parts).toContain('export abstract class AbstractChat<UI_MESSAGE extends UIMessage> {');
    expect(
      parts.some(
        (part) =>
          part.startsWith('/**\n   * Appends or replaces a user message') &&
          part.includes('sendMessage = async ('),
      ),
    ).toBe(true);
    expect(parts.length).toBeGreaterThan(40);
  });

  test('a query naming a method returns exactly that method', async () => {
    const store = new MemoryCcrStore();
    await store.put('0123456789abcdef01234567', { original: chat, meta, createdAt: 0 });
    const found = await retrieve(store, '0123456789abcdef01234567', { query: 'makeRequest' });
    expect(found.content).toBe(memberText(chat, '  private async makeRequest('));
  });

  test('a query quoting a line returns the definition holding it', async () => {
    const line = 'this.activeResponse = response;';
    const parts = await units(chat, line);
    expect(parts).toEqual([memberText(chat, '  private async makeRequestImpl({')]);
  });

  test('a question in words keeps every unit for BM25 to rank', async () => {
    expect(await units(chat, 'how does the chat resume a stream after reconnecting')).toEqual(
      await units(chat),
    );
  });

  test('unknown languages and unparseable input fall back to paragraphs', async () => {
    expect(await units('a\nb\n\nc', undefined, { kind: 'code' })).toEqual(['a\nb', 'c']);
  });
});
