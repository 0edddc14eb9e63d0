import { describe, expect, it } from 'vitest';
import type { CliCommand } from './command.js';
import { runCli } from './run-cli.js';
import { cliVersion } from './version.js';
import { captureIo } from './test-utils/capture-io.js';

const calls: unknown[] = [];
const echo: CliCommand = {
  name: 'echo',
  arguments: '[word]',
  summary: 'print a word',
  maxPositionals: 1,
  options: {
    loud: { type: 'boolean', short: 'l', description: 'shout' },
    times: { type: 'string', valueName: 'n', description: 'repeat' },
  },
  async run(args, io) {
    calls.push(args);
    io.stdout(`${args.positionals[0] ?? ''}\n`);
    return 0;
  },
};
const fail: CliCommand = {
  name: 'fail',
  summary: 'always fails',
  run: async () => Promise.reject(new Error('disk on fire')),
};
const forward: CliCommand = {
  name: 'forward',
  summary: 'passes arguments on',
  passThrough: true,
  run: async (args) => {
    calls.push(args);
    return 0;
  },
};
const group: CliCommand = { name: 'mcp', summary: 'MCP things', subcommands: [echo] };
const root: CliCommand = {
  name: 'tool',
  summary: 'A test tool.',
  subcommands: [echo, fail, forward, group],
};

async function run(...argv: string[]) {
  const { io, out } = captureIo();
  const code = await runCli(root, argv, io);
  return { code, ...out };
}

describe('runCli', () => {
  it('prints help on stdout with exit 0 for --help, -h and help, at every level', async () => {
    for (const argv of [['--help'], ['-h'], ['help']]) {
      const r = await run(...argv);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toContain('Usage: tool <command> [options]');
      expect(r.stdout).toMatch(/echo \[word\]\s+print a word/);
    }
    for (const argv of [
      ['echo', '--help'],
      ['echo', '-h'],
      ['help', 'echo'],
      ['echo', 'word', '--times', '2', '-h'],
    ]) {
      const r = await run(...argv);
      expect(r).toMatchObject({ code: 0, stderr: '' });
      expect(r.stdout).toContain('Usage: tool echo [word] [options]');
      expect(r.stdout).toMatch(/-l, --loud\s+shout/);
      expect(r.stdout).toMatch(/--times <n>\s+repeat/);
    }
    expect((await run('mcp', 'echo', '--help')).stdout).toContain(
      'Usage: tool mcp echo [word] [options]',
    );
    expect((await run('forward', '-h')).stdout).toContain('Usage: tool forward [options]');
  });

  it('prints the package version on stdout with exit 0 for --version, at every level', async () => {
    expect(cliVersion()).toMatch(/^\d+\.\d+\.\d+/);
    for (const argv of [
      ['--version'],
      ['echo', '--version'],
      ['mcp', '--version'],
      ['forward', '--version'],
    ]) {
      expect(await run(...argv)).toEqual({ code: 0, stdout: `${cliVersion()}\n`, stderr: '' });
    }
  });

  it('says what was wrong on stderr with exit 2 and nothing on stdout', async () => {
    const cases: Array<[string[], string]> = [
      [[], 'tool: missing command'],
      [['ecko'], 'tool: unknown command "ecko" (commands: echo, fail, forward, mcp)'],
      [['--verbose'], 'tool: unknown option --verbose'],
      [['echo', '--lowd'], 'tool echo: unknown option --lowd'],
      [['echo', '-x'], 'tool echo: unknown option -x'],
      [['echo', '--times'], 'tool echo: option --times needs a value'],
      [['echo', '--loud=yes'], 'tool echo: option --loud takes no value'],
      [['echo', 'a', 'b'], 'tool echo: unexpected argument "b"'],
      [['mcp', 'nope'], 'tool mcp: unknown command "nope" (commands: echo)'],
    ];
    for (const [argv, message] of cases) {
      const r = await run(...argv);
      const command = message.slice(0, message.indexOf(':'));
      expect(r).toEqual({
        code: 2,
        stdout: '',
        stderr: `${message}\nRun "${command} --help" for usage.\n`,
      });
    }
  });

  it('passes parsed options and positionals to the command', async () => {
    calls.length = 0;
    expect((await run('echo', '-l', '--times', '3', 'hi')).stdout).toBe('hi\n');
    expect((await run('echo', '--times=4', '--', '--not-an-option')).stdout).toBe(
      '--not-an-option\n',
    );
    expect(await run('forward', '--model', 'x', 'a')).toMatchObject({ code: 0 });
    expect(calls).toEqual([
      { values: { loud: true, times: '3' }, positionals: ['hi'] },
      { values: { times: '4' }, positionals: ['--not-an-option'] },
      { values: {}, positionals: ['--model', 'x', 'a'] },
    ]);
  });

  it('reports a failing command on stderr with exit 1', async () => {
    expect(await run('fail')).toEqual({ code: 1, stdout: '', stderr: 'tool: disk on fire\n' });
  });
});
