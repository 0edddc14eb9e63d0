/** How a command talks to the outside world; tests pass their own to capture output. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input, read only by commands that take `-`. */
  stdin: AsyncIterable<Uint8Array> & { isTTY?: boolean };
  env: Readonly<Record<string, string | undefined>>;
}

/** One option of a command, as `node:util` `parseArgs` knows it, plus its help text. */
export interface CliOption {
  type: 'string' | 'boolean';
  short?: string;
  /** Shown in help as `--name <valueName>` for string options. */
  valueName?: string;
  description: string;
}

/** What a command's `run` receives: option values by name and the positional arguments. */
export interface CliArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/**
 * One entry of the command table. A command either runs (`run`) or groups subcommands
 * (`subcommands`, e.g. `mcp serve`); `--help`, `-h` and `--version` are handled for all of them.
 */
export interface CliCommand {
  name: string;
  /** One line for `headroom --help`. */
  summary: string;
  /** Positional arguments as shown in usage, e.g. `[file|-]`. */
  arguments?: string;
  /** Longer help shown by `headroom <command> --help`. */
  description?: string;
  options?: Record<string, CliOption>;
  /** Most positional arguments accepted (default 0). */
  maxPositionals?: number;
  /**
   * Pass everything after the command name to `run` untouched (as positionals), for commands that
   * forward arguments to another program. Only a leading `--help`/`-h`/`--version` is taken.
   */
  passThrough?: boolean;
  subcommands?: readonly CliCommand[];
  /** Returns the process exit code. */
  run?(args: CliArgs, io: CliIo): Promise<number>;
}
