import type { CliCommand, CliIo } from './command.js';
import { formatHelp } from './format-help.js';
import { parseCommandArgs } from './parse-command-args.js';
import { CliUsageError } from './usage-error.js';
import { cliVersion } from './version.js';

/**
 * Runs one CLI invocation against a command tree and returns the exit code: 0 on success, 1 when
 * the command failed, 2 when it was called wrongly. Help and version go to stdout, errors to stderr.
 */
export async function runCli(
  root: CliCommand,
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  try {
    return await dispatch(root, root.name, argv, io);
  } catch (error) {
    if (error instanceof CliUsageError) {
      io.stderr(`${error.command}: ${error.message}\nRun "${error.command} --help" for usage.\n`);
      return 2;
    }
    io.stderr(`${root.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

async function dispatch(
  command: CliCommand,
  path: string,
  argv: readonly string[],
  io: CliIo,
): Promise<number> {
  if (command.subcommands) {
    const [first, ...rest] = argv;
    if (first === undefined) throw new CliUsageError(path, 'missing command');
    if (first === '--help' || first === '-h') return help(command, path, io);
    if (first === '--version') return version(io);
    if (first === 'help') {
      const target = rest.length > 0 ? findCommand(command, path, rest[0]!) : command;
      return help(target, rest.length > 0 ? `${path} ${target.name}` : path, io);
    }
    if (first.startsWith('-')) throw new CliUsageError(path, `unknown option ${first}`);
    return dispatch(findCommand(command, path, first), `${path} ${first}`, rest, io);
  }
  const parsed = parseCommandArgs(command, path, argv);
  if (parsed.kind === 'help') return help(command, path, io);
  if (parsed.kind === 'version') return version(io);
  if (!command.run) throw new Error(`${path} has nothing to run`);
  return command.run(parsed.args, io);
}

function findCommand(group: CliCommand, path: string, name: string): CliCommand {
  const found = group.subcommands?.find((c) => c.name === name);
  if (!found) {
    const known = group.subcommands?.map((c) => c.name).join(', ') ?? '';
    throw new CliUsageError(path, `unknown command "${name}" (commands: ${known})`);
  }
  return found;
}

function help(command: CliCommand, path: string, io: CliIo): number {
  io.stdout(formatHelp(command, path));
  return 0;
}

function version(io: CliIo): number {
  io.stdout(`${cliVersion()}\n`);
  return 0;
}
