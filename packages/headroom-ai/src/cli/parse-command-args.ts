import { parseArgs } from 'node:util';
import type { CliArgs, CliCommand } from './command.js';
import { CliUsageError } from './usage-error.js';

/** What the user asked of one command: help, the version, or a run with these arguments. */
export type ParsedCommandArgs =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'run'; args: CliArgs };

const builtins = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
} as const;

/**
 * Parses a command's arguments against its option table. Node's strict mode reports mistakes in
 * words meant for programmers, so parsing is lenient and every mistake is reported here instead.
 */
export function parseCommandArgs(
  command: CliCommand,
  path: string,
  argv: readonly string[],
): ParsedCommandArgs {
  if (command.passThrough) {
    if (argv[0] === '--help' || argv[0] === '-h') return { kind: 'help' };
    if (argv[0] === '--version') return { kind: 'version' };
    return { kind: 'run', args: { values: {}, positionals: [...argv] } };
  }
  const options = command.options ?? {};
  const config = { ...builtins };
  for (const [name, option] of Object.entries(options)) {
    Object.assign(config, {
      [name]: option.short ? { type: option.type, short: option.short } : { type: option.type },
    });
  }
  const { values, positionals, tokens } = parseArgs({
    args: [...argv],
    options: config,
    allowPositionals: true,
    strict: false,
    tokens: true,
  });
  if (values.help === true) return { kind: 'help' };
  if (values.version === true) return { kind: 'version' };

  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const option = (config as Record<string, { type: 'string' | 'boolean' }>)[token.name];
    if (!option) throw new CliUsageError(path, `unknown option ${token.rawName}`);
    if (option.type === 'string' && token.value === undefined)
      throw new CliUsageError(path, `option ${token.rawName} needs a value`);
    if (option.type === 'boolean' && token.inlineValue)
      throw new CliUsageError(path, `option ${token.rawName} takes no value`);
  }
  const max = command.maxPositionals ?? 0;
  if (positionals.length > max) {
    const extra = positionals
      .slice(max)
      .map((p) => JSON.stringify(p))
      .join(', ');
    throw new CliUsageError(
      path,
      `unexpected argument${positionals.length - max > 1 ? 's' : ''} ${extra}`,
    );
  }
  const { help: _help, version: _version, ...own } = values;
  return { kind: 'run', args: { values: own as CliArgs['values'], positionals } };
}
