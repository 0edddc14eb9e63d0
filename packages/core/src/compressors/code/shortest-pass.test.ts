import { describe, expect, test } from 'vitest';
import { shortestPass, type PassChoice } from './shortest-pass.js';

type Out = { text: string };

/** The loop the choice stands for: every pass run in order, the shortest kept, stopping at `enough`. */
function inOrder(outputs: readonly (Out | undefined)[], original: Out, enough: number) {
  let best = original;
  let ran = 0;
  for (const output of outputs) {
    ran++;
    if (output && output.text.length < best.text.length) best = output;
    if (best.text.length <= enough) break;
  }
  return { best, ran };
}

function passes(outputs: readonly (Out | undefined)[], floors: readonly number[], runs: number[]) {
  return outputs.map(
    (output, index): PassChoice<Out> => ({
      floor: floors[index] as number,
      run: () => {
        runs.push(index);
        return output;
      },
    }),
  );
}

const out = (length: number, tag = ''): Out => ({ text: tag.padEnd(length, '.') });

describe('shortestPass', () => {
  test('runs only the deepest pass when it beats the floors of the others', () => {
    const outputs = [out(900), out(700), out(500)];
    const runs: number[] = [];
    const best = shortestPass(passes(outputs, [900, 700, 500], runs), out(1000), 150);
    expect(best).toBe(outputs[2]);
    expect(runs).toEqual([2]);
  });

  test('without floors every pass runs, in order, until one is short enough', () => {
    const outputs = [out(900), out(100), out(50)];
    const runs: number[] = [];
    expect(shortestPass(passes(outputs, [0, 0, 0], runs), out(1000), 150)).toBe(outputs[1]);
    expect(runs).toEqual([0, 1]);
  });

  test('a shallower pass that may stop the run is run first', () => {
    // The first pass's floor is under `enough`: it may end the run before the shorter third.
    const outputs = [out(120, 'first'), out(700), out(60, 'third')];
    const runs: number[] = [];
    expect(shortestPass(passes(outputs, [100, 700, 60], runs), out(1000), 150)).toBe(outputs[0]);
    expect(runs).toEqual([0]);
  });

  test('a pass whose output turns out longer than its floor still loses to nothing it should not', () => {
    // Pass 2's floor promised 500 but its output failed (undefined): pass 1 must be run after all.
    const outputs = [out(800, 'one'), undefined, out(900)];
    const runs: number[] = [];
    expect(shortestPass(passes(outputs, [600, 500, 900], runs), out(1000), 100)).toBe(outputs[0]);
  });

  test('gives what running every pass in order gives, on random passes', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return (seed >>> 8) % n;
    };
    let skipped = 0;
    for (let trial = 0; trial < 5000; trial++) {
      const count = 1 + random(4);
      const outputs = Array.from({ length: count }, (_, i) =>
        random(5) === 0 ? undefined : out(1 + random(40), `${i}`),
      );
      // A floor is at most the output's length (any floor for a pass without output), often equal.
      const floors = outputs.map((o) => {
        const length = o?.text.length ?? 50;
        const kind = random(4);
        return kind === 0 ? 0 : kind === 1 ? random(length + 1) : length;
      });
      const enough = random(30);
      const original = out(35, 'original');
      const runs: number[] = [];
      const best = shortestPass(passes(outputs, floors, runs), original, enough);
      const expected = inOrder(outputs, original, enough);
      expect(best).toBe(expected.best);
      expect(new Set(runs).size).toBe(runs.length);
      if (runs.length < expected.ran) skipped++;
    }
    expect(skipped).toBeGreaterThan(500);
  });
});
