import type { CliCommand } from './command.js';

const pad = (text: string, width: number) => text + ' '.repeat(Math.max(2, width - text.length));

/** `headroom <path> --help`: usage line, description, subcommands and options, for stdout. */
export function formatHelp(command: CliCommand, path: string): string {
  const lines: string[] = [];
  const args = command.subcommands ? '<command>' : (command.arguments ?? '');
  lines.push(`Usage: ${path}${args ? ` ${args}` : ''} [options]`, '');
  lines.push(command.description ?? command.summary, '');
  if (command.subcommands) {
    lines.push('Commands:');
    const width =
      Math.max(
        ...command.subcommands.map(
          (c) => c.name.length + (c.arguments ? c.arguments.length + 1 : 0),
        ),
      ) + 4;
    for (const sub of command.subcommands)
      lines.push(
        `  ${pad(sub.arguments ? `${sub.name} ${sub.arguments}` : sub.name, width)}${sub.summary}`,
      );
    lines.push('');
  }
  const options = Object.entries(command.options ?? {}).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : '    '}--${name}${option.type === 'string' ? ` <${option.valueName ?? 'value'}>` : ''}`;
    return [flag, option.description] as const;
  });
  options.push(['-h, --help', 'show this help'], ['    --version', 'show the version']);
  const width = Math.max(...options.map(([flag]) => flag.length)) + 4;
  lines.push('Options:', ...options.map(([flag, text]) => `  ${pad(flag, width)}${text}`), '');
  if (command.subcommands)
    lines.push(`Run "${path} <command> --help" for a command's options.`, '');
  return lines.join('\n');
}
