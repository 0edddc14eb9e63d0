import { describe, expect, it } from 'vitest';
import { hasErrorWord, isSummaryLine, isTestFailureLine, lineLevel } from './classify-line.js';

describe('lineLevel', () => {
  it('reads the leftmost level keyword on word boundaries', () => {
    expect(lineLevel('2015-10-18 18:09:00,429 ERROR [RMCommunicator Allocator] retrying')).toBe(
      'error',
    );
    expect(
      lineLevel('[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6'),
    ).toBe('error');
    expect(lineLevel('2015-07-29 19:21:48,545 - WARN  [SendWorker:1] - Interrupted')).toBe('warn');
    expect(lineLevel('081109 203615 148 INFO dfs.DataNode$PacketResponder: terminating')).toBe(
      'info',
    );
    expect(lineLevel('INFO: task failed, retrying')).toBe('info');
    expect(lineLevel('no errors here')).toBe('none');
  });

  it('takes no level from code quoted in the log (`new Error(…)`, `log.warn(…)`)', () => {
    expect(lineLevel('setTimeout(() => { throw new Error("boom") }, 10)')).toBe('none');
    expect(lineLevel('  log.warn(msg); logger.error(err)')).toBe('none');
    expect(lineLevel('Error: boom unhandled')).toBe('error');
    expect(hasErrorWord('setTimeout(() => { throw new Error("boom") }, 10)')).toBe(false);
  });

  it('reads the one-letter level of Android logcat lines', () => {
    expect(
      lineLevel('03-17 16:13:55.869  1702 14640 W ActivityManager: getRunningAppProcesses'),
    ).toBe('warn');
    expect(lineLevel('03-17 16:13:38.819  1702  8671 D PowerManagerService: acquire lock')).toBe(
      'debug',
    );
    expect(
      lineLevel('03-17 16:13:38.819  1702  8671 E AndroidRuntime: FATAL EXCEPTION: main'),
    ).toBe('error');
  });
});

describe('hasErrorWord', () => {
  it('finds failures in lines of any level, including exception class names', () => {
    expect(
      hasErrorWord('INFO Diagnostics report: Error: java.net.NoRouteToHostException: No route'),
    ).toBe(true);
    expect(hasErrorWord('WARN caught end of stream exception')).toBe(true);
    expect(hasErrorWord('java.io.IOException: ZooKeeperServer not running')).toBe(true);
    expect(hasErrorWord('INFO worker 3 heartbeat ok')).toBe(false);
    expect(hasErrorWord('terrorist')).toBe(false);
  });

  it('does not take a package named after errors for one (dpkg installing liberror-perl)', () => {
    expect(hasErrorWord('Unpacking liberror-perl (0.17029-2) ...')).toBe(false);
    expect(hasErrorWord('Setting up liberror-prone-java (2.18.0-1) ...')).toBe(false);
    expect(hasErrorWord('TypeError: x is not a function')).toBe(true);
  });
});

describe('isSummaryLine / isTestFailureLine', () => {
  it('recognises test-runner and build summaries', () => {
    for (const line of [
      '==================== 2 failed, 48 passed in 3.21s ====================',
      'Tests:       2 failed, 48 passed, 50 total',
      'test result: FAILED. 48 passed; 2 failed; 0 ignored',
      'ℹ fail 2',
      'FAIL\tgithub.com/spf13/cobra\t0.412s',
      'npm ERR! code ELIFECYCLE',
      'Process finished with exit code 1',
    ]) {
      expect(isSummaryLine(line), line).toBe(true);
    }
    expect(isSummaryLine('INFO worker 3 heartbeat ok')).toBe(false);
  });

  it('recognises lines naming a failing test', () => {
    for (const line of [
      'FAILED tests/test_api.py::test_login - AssertionError',
      'FAIL src/parser.test.ts',
      '  ✕ parses empty input (3 ms)',
      '✖ sums the invoice lines (0.6ms)',
      '--- FAIL: TestCommandExecute (0.00s)',
      'test de::tests::test_bad_float ... FAILED',
    ]) {
      expect(isTestFailureLine(line), line).toBe(true);
    }
    expect(isTestFailureLine('✔ adds 1 (0.1ms)')).toBe(false);
  });
});
