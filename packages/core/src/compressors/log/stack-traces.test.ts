import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { findStackTraces } from './stack-traces.js';
import { logUnits } from './log-units.js';

/** Runs a real program that dies with a stack trace and returns what it printed. */
function crash(command: string, args: string[]): string {
  const run = spawnSync(command, args, { encoding: 'utf8' });
  return `${run.stdout}${run.stderr}`;
}

const nodeCrash = () =>
  crash(process.execPath, [
    '-e',
    'function load(c) { return c.db.host; }\nconsole.log("starting");\nload({});',
  ]);
const pythonCrash = () =>
  crash('python3', ['-c', 'print("starting")\ndef load(c):\n    return c["db"]\nload({})']);
const hasPython = spawnSync('python3', ['--version']).status === 0;

describe('findStackTraces', () => {
  it('finds a real Node.js trace with its message line', () => {
    const lines = ['before', ...nodeCrash().split('\n')];
    const [block, ...rest] = findStackTraces(lines);
    expect(rest).toEqual([]);
    expect(lines[block!.start]).toMatch(/^TypeError: Cannot read properties of undefined/);
    expect(lines[block!.end]).toMatch(/^\s+at /);
    expect(lines.slice(block!.start, block!.end + 1).join('\n')).toContain('at load ([eval]:1:');
  });

  it.skipIf(!hasPython)('finds a real Python traceback through its closing exception line', () => {
    const lines = pythonCrash().split('\n');
    const [block] = findStackTraces(lines);
    expect(lines[block!.start]).toBe('Traceback (most recent call last):');
    expect(lines[block!.end]).toBe("KeyError: 'db'");
  });

  it('finds JVM traces with Caused by and elided frames, and Go and Rust panics', () => {
    const jvm = [
      'ERROR could not start',
      'java.lang.IllegalStateException: pool closed',
      '\tat com.example.Pool.borrow(Pool.java:42)',
      'Caused by: java.io.IOException: broken pipe',
      '\tat com.example.Conn.write(Conn.java:7)',
      '\t... 12 more',
      'INFO retrying',
    ];
    expect(findStackTraces(jvm)).toEqual([{ start: 1, end: 5 }]);
    const go = [
      'panic: runtime error: index out of range [3] with length 3',
      '',
      'goroutine 1 [running]:',
      'main.main()',
      '\t/tmp/x.go:8 +0x1d',
      '',
      'exit status 2',
    ];
    expect(findStackTraces(go)).toEqual([{ start: 0, end: 4 }]);
    const rust = [
      "thread 'main' panicked at src/main.rs:2:5:",
      'boom',
      'stack backtrace:',
      '   0: rust_begin_unwind',
      '             at /rustc/library/std/src/panicking.rs:652:5',
      'done',
    ];
    expect(findStackTraces(rust)).toEqual([{ start: 0, end: 4 }]);
  });
});

describe('logUnits', () => {
  it('splits a stored log into lines, keeping each stack trace whole', async () => {
    const text = `INFO starting\n${nodeCrash()}\nINFO after`;
    const units = await logUnits(text, { kind: 'log' });
    expect(units[0]).toBe('INFO starting');
    const trace = units.find((u) => u.startsWith('TypeError'));
    expect(trace?.split('\n').length).toBeGreaterThan(3);
    expect(units.at(-1)).toBe('INFO after');
  });

  it('answers a query that best matches a trace line with the whole trace, and other queries with lines', async () => {
    const text = `INFO starting\n${nodeCrash()}\nINFO property lookup finished`;
    const traceQuery = await logUnits(text, { kind: 'log' }, 'TypeError Cannot read properties');
    expect(traceQuery).toHaveLength(1);
    expect(traceQuery[0]).toMatch(/^TypeError: Cannot read properties[^\n]*\n\s+at load/);
    const lineQuery = await logUnits(text, { kind: 'log' }, 'lookup finished');
    expect(lineQuery).toContain('INFO property lookup finished');
    expect(lineQuery.length).toBeGreaterThan(2);
  });
});
