import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../../errors/invalid-option-error.js';
import { createTestContext } from '../../test-utils/compressor-context.js';
import { createDiffCompressor } from './diff-compressor.js';

// A new 100-line notes file: a large pure addition, shown as its first lines.
const notes = Array.from(
  { length: 100 },
  (_, i) => `note ${i}: the deploy of build ${i * 7} went out`,
);
const patch = [
  'diff --git a/NOTES.txt b/NOTES.txt',
  'new file mode 100644',
  'index 0000000..1111111',
  '--- /dev/null',
  '+++ b/NOTES.txt',
  `@@ -0,0 +1,${notes.length} @@`,
  ...notes.map((line) => `+${line}`),
].join('\n');

async function compress(options: Parameters<typeof createDiffCompressor>[0]): Promise<string> {
  const { ctx } = await createTestContext();
  return (await createDiffCompressor(options).compress(patch, ctx)).text;
}

describe('createDiffCompressor options', () => {
  it('shows the default head of a large addition, or as many lines as `additionHead` says', async () => {
    expect(await compress({})).toContain('[… 80 more added lines of NOTES.txt omitted]');
    const output = await compress({ additionHead: 5 });
    expect(output).toContain(`+${notes[4]}`);
    expect(output).not.toContain(`+${notes[5]}`);
    expect(output).toContain('[… 95 more added lines of NOTES.txt omitted]');
  });

  it('passes a diff through when it is shorter than `minLines`', async () => {
    expect(await compress({ minLines: 500 })).toBe(patch);
  });

  it('shows every added line when the addition is not larger than `largeAddition`', async () => {
    const output = await compress({ largeAddition: 200 });
    for (const line of notes) expect(output).toContain(`+${line}`);
    expect(output).not.toContain('more added lines');
  });

  it('rejects a misspelt or negative knob when the compressor is made', () => {
    expect(() => createDiffCompressor({ contextLines: -1 })).toThrow(InvalidOptionError);
    expect(() => createDiffCompressor({ maxFile: 3 } as never)).toThrow(/diff\.maxFile/);
  });
});
