import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { createLogCompressor } from './log-compressor.js';

const log = [
  'npm run build',
  ...Array.from({ length: 30 }, (_, i) => `INFO compiled module ${i} in ${i * 3}ms`),
  `ERROR cannot resolve ./config.json from ${'src/'.repeat(60)}index.ts`,
  'build failed',
].join('\n');

describe('createLogCompressor', () => {
  it('uses the default budget unless told otherwise: this 33-line log is below its 50 lines', async () => {
    const { ctx } = await createTestContext();
    expect(await createLogCompressor().compress(log, ctx)).toEqual({ text: log });
  });

  it('overrides parts of the budget and keeps the rest', async () => {
    const { ctx, stashed } = await createTestContext();
    const out = await createLogCompressor({ minLines: 20, maxLevelChars: 60 }).compress(log, ctx);
    expect(out.strategy).toBe('log:templates');
    expect(stashed.size).toBe(1);
    const lines = out.text.split('\n');
    // The error line is cut at the overridden 60 characters; the rest keeps its defaults (the command on top).
    const error = lines.find((line) => line.startsWith('ERROR'));
    expect(error?.length).toBeLessThan(90);
    expect(error).toMatch(/^ERROR cannot resolve \.\/config\.json from src\//);
    expect(lines[0]).toBe('npm run build');
    expect(lines).toContain('build failed');
  });
});
