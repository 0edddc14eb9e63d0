import type { CliOption } from './command.js';

/** `--json`, shared by the commands that can print their result as data instead of text; `what` names the result. */
export function jsonOption(what: string): CliOption {
  return { type: 'boolean', description: `print ${what} as JSON` };
}
